// Loads a page's data; `reload()` fetches again and keeps showing the old data meanwhile.
import { useEffect, useState } from 'preact/hooks';

export function useLoad(load, deps) {
  const [state, setState] = useState({ data: undefined, error: undefined });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data, error: undefined }),
      (error) => live && setState((previous) => ({ data: previous.data, error })),
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  return { ...state, reload: () => setRound((n) => n + 1) };
}
