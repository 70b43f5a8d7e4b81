/** What a record page shows when its record could not be opened (the reason is in the shell's alert region). */
import { Link } from 'wouter';
import { Loading } from './Async.js';

export function RecordMissing({
  title,
  loading,
  loadingText,
  message,
  back,
  backLabel,
}: {
  title: string;
  loading: boolean;
  loadingText: string;
  message?: string;
  back: string;
  backLabel: string;
}) {
  if (loading) return <Loading>{loadingText}</Loading>;
  return (
    <section>
      <h1>{title}</h1>
      {message && <p>{message}</p>}
      <Link href={back}>{backLabel}</Link>
    </section>
  );
}
