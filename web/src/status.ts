// The status line under the header: what the last action did, or why it failed.
import { byId } from './dom.ts';

export function say(message: string, kind: 'info' | 'error' = 'info'): void {
  const status = byId('status');
  status.textContent = message;
  status.className = kind;
}

/** Runs a user action, reporting its failure in the status line instead of losing it. */
export async function attempt(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    say(error instanceof Error ? error.message : String(error), 'error');
  }
}
