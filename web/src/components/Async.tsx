/**
 * The one way a page loads data and shows the three states around it: loading, nothing there,
 * and could not load. A failure also goes to the shell's alert region, so the reason is read
 * out once; the page itself offers to try again.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useNotice } from '../session.js';

export interface Resource<T> {
  data: T | null;
  loading: boolean;
  failed: boolean;
  reload: () => void;
}

/** Loads when `deps` change and again on `reload()`; an answer that arrives after a newer request is dropped. */
export function useResource<T>(load: () => Promise<T>, deps: unknown[]): Resource<T> {
  const { showError } = useNotice();
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const mine = ++latest.current;
    setLoading(true);
    load().then(
      (d) => {
        if (mine !== latest.current) return;
        setData(d);
        setFailed(false);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== latest.current) return;
        setFailed(true);
        setLoading(false);
        showError(e);
      },
    );
    // The caller names what the load depends on, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, loading, failed, reload };
}

export function Loading({ children = 'Loading…' }: { children?: ReactNode }) {
  return (
    <p role="status" className="loading">
      {children}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function ErrorState({ children = 'This could not be loaded.', onRetry }: { children?: ReactNode; onRetry?: () => void }) {
  return (
    <div className="error-state">
      <p>{children}</p>
      {onRetry && (
        <button type="button" className="secondary small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/**
 * Shows `children(data)` once a resource has loaded; until then "loading", after a failure the
 * error state, and `empty` when `isEmpty(data)` says there is nothing to show. Data already shown
 * stays while a reload is in flight, so the page does not flicker.
 */
export function Async<T>({
  resource,
  loading,
  failed,
  empty,
  isEmpty,
  children,
}: {
  resource: Resource<T>;
  loading?: ReactNode;
  failed?: ReactNode;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (resource.data === null) {
    if (resource.failed) return <ErrorState onRetry={resource.reload}>{failed}</ErrorState>;
    return <Loading>{loading}</Loading>;
  }
  if (isEmpty?.(resource.data)) return <Empty>{empty}</Empty>;
  return <>{children(resource.data)}</>;
}
