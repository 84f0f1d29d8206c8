// The submit of a form that adds an entry: its fields become the request's body, the outcome is said on the status
// line, and after a success the form is cleared for the next entry.
import { attempt } from './messages.js';

/**
 * An onSubmit handler: `bodyOf(formData)` makes the body, `send(body)` makes the request and `success` is said when
 * it worked; then the form is cleared and `done()` runs.
 */
export function submitAndClear({ bodyOf, send, success, done }) {
  return async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const body = bodyOf(new FormData(form));
    if (!(await attempt(() => send(body), success))) return;
    form.reset();
    done();
  };
}
