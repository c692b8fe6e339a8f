import '@testing-library/jest-dom';

// Rendering a dialog with Material UI can pass jest's default 5 s on a loaded 2-core machine
// (the repository's test run is multi-project, where a per-package testTimeout is ignored).
jest.setTimeout(20_000);
