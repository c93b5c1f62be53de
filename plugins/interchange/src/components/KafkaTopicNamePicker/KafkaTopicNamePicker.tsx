import { useEffect, useState } from 'react';
import TextField from '@material-ui/core/TextField';
import { useApi } from '@backstage/core-plugin-api';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import type { KafkaTopicNameCheck } from '@interchange/plugin-interchange-common';
import { interchangeApiRef } from '../../api';

/** `ui:options` of the field. */
export interface KafkaTopicNamePickerUiOptions {
  /** The form field holding the cluster id. Default `cluster`. */
  clusterField?: string;
  /** A fixed cluster id, instead of a form field. */
  cluster?: string;
}

const DEBOUNCE_MS = 300;

function clusterOf(
  options: KafkaTopicNamePickerUiOptions | undefined,
  formData: Record<string, unknown> | undefined,
): string | undefined {
  if (options?.cluster) {
    return options.cluster;
  }
  const value = formData?.[options?.clusterField ?? 'cluster'];
  return typeof value === 'string' && value ? value : undefined;
}

/** What to show under the field for a check result. */
export function describeCheck(check: KafkaTopicNameCheck): {
  text: string;
  error: boolean;
} {
  if (check.problems.length) {
    const [p] = check.problems;
    return { text: `${p.message}. Fix: ${p.fix}`, error: true };
  }
  if (check.exists) {
    return {
      text: `A topic named ${check.name} already exists on ${check.cluster}: the template succeeds only if your settings match it, and never changes it`,
      error: false,
    };
  }
  return { text: `Available on ${check.cluster}`, error: false };
}

/**
 * Topic name field for scaffolder templates: checks the cluster's naming
 * rule and whether the topic exists while the user types, so mistakes show
 * up before the template runs.
 */
export function KafkaTopicNamePicker(
  props: FieldExtensionComponentProps<string, KafkaTopicNamePickerUiOptions>,
) {
  const {
    onChange,
    required,
    schema: { title = 'Topic name', description },
    rawErrors,
    formData,
    uiSchema,
    idSchema,
    formContext,
  } = props;
  const api = useApi(interchangeApiRef);
  const cluster = clusterOf(
    uiSchema?.['ui:options'],
    (formContext as { formData?: Record<string, unknown> })?.formData,
  );
  const [status, setStatus] = useState<{ text: string; error: boolean }>();

  useEffect(() => {
    if (!formData || !cluster) {
      setStatus(undefined);
      return undefined;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      api
        .checkKafkaTopicName(cluster, formData)
        .then(check => !cancelled && setStatus(describeCheck(check)))
        .catch(
          e =>
            !cancelled &&
            setStatus({
              text: `Could not check the name on ${cluster}: ${e.message}`,
              error: false,
            }),
        );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, cluster, formData]);

  return (
    <TextField
      id={idSchema?.$id}
      label={title}
      placeholder="e.g. orders.order-placed.v1"
      required={required}
      value={formData ?? ''}
      onChange={e => onChange(e.target.value)}
      margin="normal"
      variant="outlined"
      fullWidth
      error={Boolean(rawErrors?.length) || Boolean(status?.error)}
      helperText={status?.text ?? description}
      FormHelperTextProps={{ 'aria-live': 'polite' } as any}
      inputProps={{ 'aria-label': title, autoComplete: 'off' }}
    />
  );
}

/**
 * Blocks the step when the name breaks the cluster's rules, with the same
 * check the create-topic action applies.
 */
export const kafkaTopicNameValidation: CustomFieldValidator<
  string,
  KafkaTopicNamePickerUiOptions
> = async (value, validation, context) => {
  const cluster = clusterOf(context.uiSchema?.['ui:options'], context.formData);
  if (!value || !cluster) {
    return;
  }
  try {
    const check = await context.apiHolder
      .get(interchangeApiRef)
      ?.checkKafkaTopicName(cluster, value);
    check?.problems.forEach(p =>
      validation.addError(`${p.message}. Fix: ${p.fix}`),
    );
  } catch {
    // The action checks again on the server; an unreachable check must not
    // block the form.
  }
};
