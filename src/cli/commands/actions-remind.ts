import type { Services } from '../../services.ts';
import { CliError, type CliIO } from '../context.ts';

/**
 * `parity actions remind`: e-mails owners of open actions a week and a day before the due date, on
 * the day, and after it while overdue. Safe to run more than once a day (each action once a day).
 */
export async function actionsCommand(services: Services, io: CliIO, args: string[]): Promise<number> {
  if (args[0] !== 'remind') throw new CliError('Did you mean "parity actions remind"?');
  const run = await services.notifications.remindActionOwners();
  io.out(`Reminders sent: ${run.sent}. Already reminded today: ${run.alreadySentToday}.`);
  return 0;
}
