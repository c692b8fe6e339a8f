import {
  buildComponentEntity,
  buildEnvironmentEntity,
} from './__testUtils__/fixtures';
import {
  isComponentWithEnvironments,
  isEnvironmentsAvailable,
} from './isEnvironmentsAvailable';

describe('isEnvironmentsAvailable', () => {
  it('is true for a component with hasEnvironment relations', () => {
    expect(isEnvironmentsAvailable(buildComponentEntity())).toBe(true);
    expect(isComponentWithEnvironments(buildComponentEntity())).toBe(true);
  });

  it('is false for a component without environments', () => {
    expect(
      isEnvironmentsAvailable(buildComponentEntity({ relations: [] })),
    ).toBe(false);
    expect(
      isEnvironmentsAvailable(buildComponentEntity({ relations: undefined })),
    ).toBe(false);
  });

  it('is true for an Environment entity, which is not a component with environments', () => {
    expect(isEnvironmentsAvailable(buildEnvironmentEntity())).toBe(true);
    expect(isComponentWithEnvironments(buildEnvironmentEntity())).toBe(false);
  });

  it('is false for an entity of kind Environment from another apiVersion', () => {
    expect(
      isEnvironmentsAvailable({
        ...buildEnvironmentEntity(),
        apiVersion: 'example.com/v1',
      } as any),
    ).toBe(false);
  });
});
