import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { KafkaTopicNameCheck } from '@interchange/plugin-interchange-common';
import { useState } from 'react';
import { interchangeApiRef } from '../../api';
import { describeCheck, KafkaTopicNamePicker } from './KafkaTopicNamePicker';

const rules = { namePattern: '^[a-z]+\\.[a-z-]+\\.v[0-9]+$' };

describe('describeCheck', () => {
  it('says what is wrong, taken or free', () => {
    expect(
      describeCheck({
        cluster: 'local',
        name: 'Bad',
        problems: [{ path: 'name', message: "'Bad' breaks it", fix: 'rename' }],
        rules,
      }),
    ).toEqual({ text: "'Bad' breaks it. Fix: rename", error: true });
    expect(
      describeCheck({
        cluster: 'local',
        name: 'a.b.v1',
        problems: [],
        exists: true,
        rules,
      }).text,
    ).toMatch(/^A topic named a.b.v1 already exists on local/);
    expect(
      describeCheck({
        cluster: 'local',
        name: 'a.b.v1',
        problems: [],
        exists: false,
        rules,
      }),
    ).toEqual({ text: 'Available on local', error: false });
  });
});

describe('KafkaTopicNamePicker', () => {
  it('checks the name on the form’s cluster as the user types', async () => {
    const calls: string[] = [];
    const api = {
      checkKafkaTopicName: async (
        cluster: string,
        name: string,
      ): Promise<KafkaTopicNameCheck> => {
        calls.push(`${cluster}/${name}`);
        return {
          cluster,
          name,
          problems: name.includes('_')
            ? [
                {
                  path: 'name',
                  message: `'${name}' breaks the rule`,
                  fix: 'use dots',
                },
              ]
            : [],
          exists: false,
          rules,
        };
      },
    };
    function Form() {
      const [value, setValue] = useState<string>();
      return (
        <KafkaTopicNamePicker
          {...({
            onChange: setValue,
            formData: value,
            schema: { title: 'Topic name' },
            uiSchema: { 'ui:options': { clusterField: 'cluster' } },
            formContext: { formData: { cluster: 'local' } },
            idSchema: { $id: 'root_name' },
            rawErrors: [],
            required: true,
          } as any)}
        />
      );
    }
    await renderInTestApp(
      <TestApiProvider apis={[[interchangeApiRef, api]]}>
        <Form />
      </TestApiProvider>,
    );
    fireEvent.change(screen.getByLabelText('Topic name'), {
      target: { value: 'orders_placed' },
    });
    await waitFor(() =>
      expect(
        screen.getByText("'orders_placed' breaks the rule. Fix: use dots"),
      ).toBeInTheDocument(),
    );
    fireEvent.change(screen.getByLabelText('Topic name'), {
      target: { value: 'orders.placed.v1' },
    });
    await waitFor(() =>
      expect(screen.getByText('Available on local')).toBeInTheDocument(),
    );
    expect(calls).toEqual(['local/orders_placed', 'local/orders.placed.v1']);
  });
});
