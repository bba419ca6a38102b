import { useState } from 'react';

/** A form's submit: busy while it runs, the error kept for the form to show, `onDone` on success. */
export function useSubmit(onDone: () => void) {
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const submit = async (fn: () => Promise<unknown>) => {
    setSaving(true);
    setError(undefined);
    try {
      await fn();
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };
  return { error, saving, submit };
}
