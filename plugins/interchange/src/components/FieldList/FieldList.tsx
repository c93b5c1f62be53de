import { ReactNode } from 'react';
import { makeStyles, Typography } from '@material-ui/core';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(140px, max-content) 1fr',
    columnGap: theme.spacing(3),
    rowGap: theme.spacing(1.5),
    margin: 0,
  },
  label: {
    color: theme.palette.text.secondary,
    fontWeight: 500,
    textTransform: 'uppercase',
    fontSize: '0.75rem',
    letterSpacing: '0.04em',
    paddingTop: 2,
  },
  value: { margin: 0, wordBreak: 'break-word' },
}));

/** A field of an entity; fields without a value are shown as "not set". */
export type Field = { label: string; value: ReactNode; hidden?: boolean };

/**
 * Two-column label/value list. Every declared field is listed, so that the
 * card answers "what does this entity say?" without opening the YAML.
 */
export function FieldList(props: { fields: Field[] }) {
  const classes = useStyles();
  return (
    <dl className={classes.list}>
      {props.fields
        .filter(f => !f.hidden)
        .map(f => (
          <div key={f.label} style={{ display: 'contents' }}>
            <dt className={classes.label}>{f.label}</dt>
            <dd className={classes.value}>
              {f.value === undefined || f.value === null || f.value === '' ? (
                <Typography variant="body2" color="textSecondary">
                  not set
                </Typography>
              ) : (
                f.value
              )}
            </dd>
          </div>
        ))}
    </dl>
  );
}
