/**
 * The platform's clock. Everything that asks "what day is it" asks here, so tests can fix the date.
 */
import { todayInChina } from '../lib/working-days.ts';

export const clock = {
  now: (): Date => new Date(),
};

/** Today in China (Asia/Shanghai), YYYY-MM-DD. */
export function today(): string {
  return todayInChina(clock.now());
}

/** Sets the clock to a fixed instant (tests); `null` restores the real clock. */
export function setClock(at: Date | string | null): void {
  clock.now = at === null ? () => new Date() : () => new Date(at);
}
