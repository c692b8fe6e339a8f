import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  formatAge,
  formatDateTime,
  formatFullDateTime,
} from '../../lib/format';

const useStyles = makeStyles({ line: { whiteSpace: 'nowrap' } });

/**
 * When something happened: how long ago (`12 minutes ago`) over the date and time in the
 * user's locale and time zone (`27 Nov 2026, 17:34`), each kept on one line; the full date with
 * its time zone on hover. A `<time>` element, so the moment is machine-readable too.
 */
export function Moment({ iso }: { iso: string }) {
  const classes = useStyles();
  return (
    <time dateTime={iso} title={formatFullDateTime(iso)}>
      <Typography
        variant="body2"
        component="span"
        display="block"
        className={classes.line}
      >
        {formatAge(iso)}
      </Typography>
      <Typography
        variant="caption"
        color="textSecondary"
        component="span"
        display="block"
        className={classes.line}
      >
        {formatDateTime(iso)}
      </Typography>
    </time>
  );
}
