/** An amount held as integer pence, shown in pounds by the one money formatter; a credit shows as a negative amount. */
import { money } from '../format.js';

export function Money({ pence, credit = false, dashIfZero = false }: { pence: number | null | undefined; credit?: boolean; dashIfZero?: boolean }) {
  if (dashIfZero && !pence) return <>—</>;
  return <>{money(credit && pence ? -pence : pence)}</>;
}
