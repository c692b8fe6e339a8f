import type { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import InfoOutlined from '@material-ui/icons/InfoOutlined';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import type { StatusSection } from '@stageline/plugin-environments-common';

const useStyles = makeStyles(theme => ({
  row: { display: 'flex', alignItems: 'flex-start', gap: theme.spacing(0.75) },
  icon: { fontSize: 18, marginTop: 1, flexShrink: 0 },
  unconfigured: { color: theme.palette.text.secondary },
  error: { color: theme.palette.error.main },
}));

/** Props of {@link SectionState}. */
export interface SectionStateProps {
  /** The section as the backend returned it. */
  section: StatusSection;
  /** What the section is about, used in the failure sentence: "Health check failed: …". */
  what: string;
  /** The ok rendering. */
  children: ReactNode;
}

/**
 * Renders a section of an environment's status: its content when `ok`, otherwise what to
 * configure (`unconfigured`) or what failed (`error`) — never an empty box.
 */
export function SectionState({ section, what, children }: SectionStateProps) {
  const classes = useStyles();
  if (section.status === 'ok') return <>{children}</>;
  if (section.status === 'unconfigured') {
    return (
      <Box
        className={`${classes.row} ${classes.unconfigured}`}
        data-testid="section-unconfigured"
      >
        <InfoOutlined className={classes.icon} aria-label="not configured" />
        <Typography variant="body2">
          {section.message ?? `${what} is not configured.`}
        </Typography>
      </Box>
    );
  }
  const detail = section.error?.message;
  // the backend's message often repeats the error: say each thing once
  const extra =
    section.message && !(detail && section.message.includes(detail))
      ? section.message
      : undefined;
  const sentence =
    section.message && detail && section.message.includes(detail)
      ? section.message
      : `${what} failed${detail ? `: ${detail}` : ''}`;
  return (
    <Box
      className={`${classes.row} ${classes.error}`}
      role="alert"
      data-testid="section-error"
    >
      <ErrorOutline className={classes.icon} aria-label="error" />
      <Typography variant="body2">
        {sentence}
        {extra ? ` — ${extra}` : ''}
      </Typography>
    </Box>
  );
}
