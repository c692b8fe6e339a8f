import type { ReactNode } from 'react';
import Box from '@material-ui/core/Box';

/** An unstyled list (no bullets, no indent) with an accessible name. */
export function PlainList({
  label,
  children,
}: {
  label: string;
  children: ReactNode;
}) {
  return (
    <Box
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={label}
    >
      {children}
    </Box>
  );
}
