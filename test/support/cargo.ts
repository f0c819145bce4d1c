/** Whether the real compiler and `nm` are here (test/support/oracle-workspace.ts builds the fixtures). */
import { execFileSync } from 'node:child_process';

export function hasCargo(): boolean {
  try {
    execFileSync('cargo', ['--version'], { stdio: 'ignore' });
    execFileSync('nm', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
