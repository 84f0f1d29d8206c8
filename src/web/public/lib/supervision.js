// Whether the caller's organization has organizations below it (GET /organizations lists its subtree): only then
// does the menu offer 上级督导. Asked once per session user.
import { useEffect, useState } from 'preact/hooks';
import { api, session } from './api.js';

let cached = null;

function loadSupervises() {
  const userId = session()?.user?.id;
  if (!cached || cached.userId !== userId)
    cached = {
      userId,
      promise: api('GET', '/organizations').then(
        (organizations) => organizations.length > 1,
        () => false,
      ),
    };
  return cached.promise;
}

export function useSupervises() {
  const [supervises, setSupervises] = useState(false);
  useEffect(() => {
    let live = true;
    loadSupervises().then((value) => live && setSupervises(value));
    return () => {
      live = false;
    };
  }, [session()?.user?.id]);
  return supervises;
}
