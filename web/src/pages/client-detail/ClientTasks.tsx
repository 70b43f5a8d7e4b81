/** A client's open tasks, and a form to add one by hand. */
import { addTaskInput } from '../../../../src/contract/tasks.js';
import { api } from '../../api/client.js';
import type { ClientDetail } from '../../api/types.js';
import { Field } from '../../components/Field.js';
import { Form, useForm } from '../../components/Form.js';
import { TaskList, taskRow } from '../../components/TaskList.js';
import { useNotice } from '../../session.js';

export function ClientTasks({ client, reload }: { client: ClientDetail; reload: () => void }) {
  const { showStatus } = useNotice();
  const form = useForm({
    initial: { title: '', due_on: '', hardness: 'soft' },
    schema: addTaskInput,
    toInput: (read) => ({ ...read, client_id: client.id }),
    resetOnSuccess: true,
    onSubmit: async (input) => {
      await api.post('/api/tasks', input);
      showStatus('Task added.');
      reload();
    },
  });
  return (
    <>
      <TaskList
        tasks={client.tasks.map(taskRow)}
        label="Open tasks for this client"
        showClient={false}
        onChanged={reload}
        empty="No open tasks for this client."
      />
      <Form form={form} label="Add a task" title="Add a task" titleLevel={3} submitLabel="Add task" submitClassName="secondary">
        <Field form={form} name="title" label="Task" />
        <Field form={form} name="due_on" label="Due date" type="date" />
        <Field form={form} name="hardness" label="Deadline" type="select">
          <option value="soft">Soft (practice or contractual)</option>
          <option value="hard">Hard (statutory or court)</option>
        </Field>
      </Form>
    </>
  );
}
