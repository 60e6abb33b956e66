import type { AccountService } from '../accounts/account.service.ts';
import { reminderKind } from '../actions/action.ts';
import type { ActionService } from '../actions/action.service.ts';
import { insightStatusLabels, type InsightItem } from '../insights/insight.ts';
import type { Mailer } from '../mail/mail.service.ts';
import { NotFoundError } from '../shared/errors.ts';

export interface ReminderRun {
  sent: number;
  alreadySentToday: number;
}

/** E-mails the partnership sends about records changing: never the record's internal notes. */
export function createNotificationService(deps: {
  mailer: Mailer;
  accounts: AccountService;
  actions: ActionService;
  clock: () => Date;
  baseUrl: string;
}) {
  const { mailer, accounts, actions, clock, baseUrl } = deps;

  async function replyAddress(item: InsightItem): Promise<{ to: string; name: string } | null> {
    if (!item.wantsReply) return null;
    if (item.replyEmail) return { to: item.replyEmail, name: item.replyName ?? 'there' };
    if (!item.submittedBy) return null;
    try {
      const user = await accounts.get(item.submittedBy);
      return user.status === 'disabled' ? null : { to: user.email, name: user.name };
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  return {
    /** Tells a submitter who asked for a reply that their item moved on. Returns whether mail was sent. */
    async insightStatusChanged(item: InsightItem): Promise<boolean> {
      const recipient = await replyAddress(item);
      if (!recipient) return false;
      const lines = [
        `Hello ${recipient.name},`,
        '',
        `The issue you raised with the Health Equality Partnership, "${item.title}" (reference ${item.reference}), is now: ${insightStatusLabels[item.status].toLowerCase()}.`,
      ];
      if (item.status === 'no_action' && item.noActionReason) lines.push('', `Why: ${item.noActionReason}`);
      if (item.source !== 'public') lines.push('', `See the details at ${baseUrl}/insights/${item.id}`);
      lines.push(
        '',
        'Thank you for telling us. You can see what has changed at',
        `${baseUrl}/you-said-we-did`,
      );
      await mailer.send({
        to: recipient.to,
        subject: `Update on ${item.reference}: ${item.title}`,
        text: lines.join('\n'),
      });
      return true;
    },

    /** Reminds owners of open actions before and after the due date, at most once a day each. */
    async remindActionOwners(): Promise<ReminderRun> {
      const today = clock().toISOString().slice(0, 10);
      const run: ReminderRun = { sent: 0, alreadySentToday: 0 };
      const open = [
        ...(await actions.list({ status: 'agreed' })),
        ...(await actions.list({ status: 'in_progress' })),
      ];
      for (const action of open) {
        const kind = reminderKind(action.dueDate, today);
        if (!kind || !action.ownerEmail) continue;
        if (!(await actions.claimReminder(action.id, kind))) {
          run.alreadySentToday += 1;
          continue;
        }
        const when =
          kind === 'after'
            ? `was due on ${action.dueDate} and is overdue`
            : kind === 'due'
              ? 'is due today'
              : `is due on ${action.dueDate}`;
        await mailer.send({
          to: action.ownerEmail,
          subject: `Action ${kind === 'after' ? 'overdue' : 'due soon'}: ${action.title}`,
          text: [
            `Hello ${action.ownerName ?? ''},`.replace(' ,', ','),
            '',
            `The partnership action "${action.title}" ${when}.`,
            'Please add a progress update or change its status:',
            `${baseUrl}/actions/${action.id}`,
          ].join('\n'),
        });
        run.sent += 1;
      }
      return run;
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
