import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { signIn, signOut } from './support/demo.ts';

const title = 'Evening phlebotomy clinics at Northfields Health Centre';
const day = 86_400_000;
const isoDay = (offset: number) => new Date(Date.now() + offset * day).toISOString().slice(0, 10);

async function heading(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
  await expectAccessible(page);
}

async function bringInitiative(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Advice', exact: true }).first().click();
  await heading(page, 'Perspective and advice');
  await page.getByRole('button', { name: 'Bring an initiative' }).click();
  await heading(page, 'Bring an initiative to the partnership');
  await page.getByRole('button', { name: 'Save initiative' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the name of the initiative');
  await expectAccessible(page);
  await page.getByLabel('Name of the initiative or service development').fill(title);
  await page.getByLabel('Service or directorate').fill('Pathology');
  await page
    .getByLabel('Summary')
    .fill('Blood tests from 5pm to 8pm on weekdays, for people who cannot take time off work.');
  await page.getByLabel('Decision date').fill(isoDay(60));
  await page
    .getByLabel('Questions for the partnership (optional)')
    .fill('Would evening clinics help the people you support?\nWhat would stop people coming?');
  await page.getByRole('button', { name: 'Save initiative' }).click();
  await heading(page, title);
  await page.getByLabel('Answers open on').fill(isoDay(0));
  await page.getByLabel('Answers close at the end of').fill(isoDay(14));
  await page.getByRole('button', { name: 'Save window' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
  await page.getByLabel('Put it on the agenda of').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Add to agenda' }).click();
  await expect(page.getByText('Added to the meeting’s agenda.')).toBeVisible();
  await heading(page, title);
}

async function assessImpact(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Complete the impact assessment' }).click();
  await heading(page, 'Equality and health inequalities impact assessment');
  await page.getByRole('link', { name: 'Sex', exact: true }).click();
  await heading(page, 'Sex');
  await page.getByLabel('Negative').check();
  await page.getByRole('button', { name: 'Save and return to the assessment' }).click();
  await expect(page.getByRole('alert')).toContainText('Describe the evidence');
  await expectAccessible(page);
  await page
    .getByLabel('Evidence', { exact: true })
    .fill('Women with caring duties are less able to attend in the evening.');
  await page.getByRole('button', { name: 'Save and return to the assessment' }).click();
  await heading(page, 'Equality and health inequalities impact assessment');
  await expect(page.getByText('Add a mitigation or agree an action for: Sex.')).toBeVisible();

  await page.goto('/initiatives');
  await expect(page.getByText('Negative impact, no mitigation').first()).toBeVisible();
  await expectAccessible(page);
  await page.goto('/dashboard');
  await expect(page.getByText(/negative impact with no mitigation/).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Advice', exact: true }).first().click();
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('link', { name: 'Complete the impact assessment' }).click();
  await page.getByRole('link', { name: 'Sex', exact: true }).click();
  await page.getByRole('link', { name: 'Agree a mitigation action' }).click();
  await heading(page, 'Agree a mitigation action');
  await page.getByLabel('What will be done?').fill('Add a Saturday morning clinic with a crèche');
  await page.getByLabel('Details').fill('For parents and carers who cannot come in the evening.');
  await page.getByLabel('Role responsible, as shown to the public').fill('Pathology Services Manager');
  await page.getByLabel('Directorate or service').fill('Pathology');
  await page.getByLabel('Due date').fill(isoDay(45));
  await page.getByRole('button', { name: 'Agree action' }).click();
  await heading(page, 'Sex');
  await expect(page.getByRole('link', { name: 'Add a Saturday morning clinic with a crèche' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the impact assessment' }).click();
  await heading(page, 'Equality and health inequalities impact assessment');
  await expect(page.getByText('Add a mitigation or agree an action for')).toHaveCount(0);
  await page.getByRole('link', { name: 'Printable copy of the assessment' }).click();
  await heading(page, title);
  await expect(page.getByText('Action: Add a Saturday morning clinic with a crèche')).toBeVisible();
}

test.setTimeout(300_000);

test('a service lead brings an initiative with an EHIA, members answer, and the advice and response appear publicly', async ({
  page,
}) => {
  await signIn(page, 'staff');
  await bringInitiative(page);
  await assessImpact(page);
  await signOut(page);

  await signIn(page, 'member', { scan: false });
  await page.goto('/initiatives');
  await heading(page, 'Perspective and advice');
  await page.getByRole('link', { name: title }).click();
  await heading(page, title);
  await page.getByRole('button', { name: 'Answer the questions' }).click();
  await heading(page, title);
  await page
    .getByRole('group', { name: /Question 1/ })
    .getByLabel('Agree', { exact: true })
    .check();
  await page.getByRole('button', { name: 'Send answers' }).click();
  await expect(page.getByRole('alert')).toContainText('Select an answer to question 2');
  await expectAccessible(page);
  await page
    .getByRole('group', { name: /Question 2/ })
    .getByLabel('Partly agree')
    .check();
  await page.getByLabel('Tell us more about question 2 (optional)').fill('Buses stop at 7pm in Northfields.');
  await page.getByRole('button', { name: 'Send answers' }).click();
  await expect(page.getByText('Your organisation’s answers are saved')).toBeVisible();
  await heading(page, title);
  await signOut(page);

  await signIn(page, 'staff', { scan: false });
  await page.goto('/initiatives');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByText('Buses stop at 7pm in Northfields.')).toBeVisible();
  await page.getByRole('link', { name: /Write\s+the advice/ }).click();
  await heading(page, 'The partnership’s advice');
  await page
    .getByLabel('Advice summary')
    .fill('Run the clinics until 8pm but check bus times; offer a Saturday clinic too.');
  await page.getByRole('button', { name: 'Save advice' }).click();
  await page.getByRole('link', { name: /Record\s+the service’s response/ }).click();
  await heading(page, 'The service’s response');
  await page
    .getByLabel('What changed because of the advice')
    .fill('Clinics finish at 7pm to fit the last bus; a Saturday clinic starts in spring.');
  await page
    .getByLabel('What did not change, and why (optional)')
    .fill('We cannot run a bus service; we have asked the council.');
  await page.getByRole('button', { name: 'Save response' }).click();
  await page.getByRole('link', { name: /Change\s+publishing/ }).click();
  await heading(page, 'Publish on “You said, we did”');
  await page
    .getByLabel('What was proposed, for the public')
    .fill('Evening blood test clinics in Northfields.');
  await page.getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Save publishing' }).click();
  await heading(page, title);
  await page.getByLabel('Date of the decision').fill(isoDay(0));
  await page.getByLabel('What was decided').fill('Go ahead with clinics until 7pm and a Saturday clinic.');
  await page
    .getByRole('group', { name: 'Did the legal duty to involve people apply?' })
    .getByLabel('Yes')
    .check();
  await page.getByLabel('Section 242 (NHS trusts and foundation trusts)').check();
  await page
    .getByLabel('How the duty was met, or why it did not apply')
    .fill('The partnership was asked before the decision.');
  await page.getByRole('button', { name: 'Log decision' }).click();
  await heading(page, title);
  await page.goto('/initiatives/decisions');
  await heading(page, 'Decision log');
  await expect(page.getByText('Go ahead with clinics until 7pm and a Saturday clinic.')).toBeVisible();
  await signOut(page);

  await page.goto('/you-said-we-did');
  await heading(page, 'You said, we did');
  await expect(page.getByText('Clinics finish at 7pm to fit the last bus')).toBeVisible();
  await expect(page.getByText('Buses stop at 7pm in Northfields.')).toHaveCount(0);
});
