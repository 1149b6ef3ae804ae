// A year of a key-work item's life in the English UI, as its users click through it: the task force registers and
// assigns it, the town's manager accepts it on a phone, and from April 2022 to January 2023 (the demo's "today"
// moved forward quarter by quarter) the reporter files with milestones and photos, the task force returns one and
// accepts the fix, a report goes in late through the manager's approval, a correction replaces an accepted report,
// an extension is asked for and granted, lights appear while the item lags, and the item is completed.
// It moves the county's "today" and evaluates the whole county, so it runs against a server of its own.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { browserAvailable, launch } from './browser.ts';
import { png } from './png.ts';
import { startServer } from './setup/server.ts';

const TITLE = 'Village road lighting upgrade 2022 (year walk, fictional)';
const TRANSITION = /\/api\/items\/[^/]+\/transitions$/;
const ACCEPT = /\/api\/reports\/[^/]+\/accept$/;

let base = '';
const url = (path: string) => `${base}${path}`;

/** The input of a form control whose test id sits either on the input itself or on its antd wrapper. */
async function input(page: Page, testId: string) {
  const el = page.getByTestId(testId);
  const tag = await el.evaluate((e) => e.tagName);
  return tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first();
}

async function fill(page: Page, testId: string, value: string) {
  await (await input(page, testId)).fill(value);
}

/** Types a date into an antd date picker and confirms it, as a user with a keyboard does. */
async function typeDate(page: Page, testId: string, date: string) {
  const el = await input(page, testId);
  await el.click();
  await el.fill(date);
  await el.press('Enter');
  await page.keyboard.press('Escape');
}

/** Opens an antd select, optionally types to search, and clicks the option showing `text`. */
async function choose(page: Page, testId: string, text: string, search?: string) {
  await page.keyboard.press('Escape');
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first();
  await option.waitFor();
  await option.click();
}

/**
 * Clicks a button that asks "are you sure?" in a popconfirm, confirms, and waits for the write it sends. Retried: a
 * late layout shift on a busy machine (a paragraph measuring its ellipsis) can move the popconfirm from under the
 * pointer, and the click then only closes it.
 */
async function clickAndConfirm(page: Page, button: Locator, api: RegExp) {
  await vi.waitFor(
    async () => {
      await page.keyboard.press('Escape');
      const sent = page
        .waitForResponse((r) => r.request().method() !== 'GET' && api.test(new URL(r.url()).pathname), {
          timeout: 10_000,
        })
        .catch(() => null);
      await button.click({ timeout: 10_000 });
      await page.locator('.ant-popconfirm:visible .ant-btn-primary').click({ timeout: 5_000 });
      const status = (await sent)?.status() ?? 0;
      expect(status, `${api} answered`).toBeGreaterThanOrEqual(200);
      expect(status, `${api} answered`).toBeLessThan(300);
    },
    { timeout: 60_000, interval: 500 },
  );
}

async function logIn(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url('/login'));
  const lang = page.getByTestId('lang-switch');
  if ((await lang.getAttribute('data-locale')) !== 'en-US') await lang.click();
  await expect.poll(() => lang.getAttribute('data-locale')).toBe('en-US');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Benpao#2022');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
  return page;
}

/**
 * The system administrator changes the region's settings through the API: the web app has no page for the demo's
 * "today" or for the approval rule.
 */
async function settings(patch: { demoToday?: string; reportApprovalRequired?: boolean }) {
  const headers = { 'content-type': 'application/json', origin: base };
  const login = await fetch(url('/api/auth/login'), {
    method: 'POST',
    headers,
    body: JSON.stringify({ username: 'admin', password: 'Benpao#2022' }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const res = await fetch(url('/api/settings'), {
    method: 'PATCH',
    headers: { ...headers, cookie: cookie.join('; ') },
    body: JSON.stringify(patch),
  });
  expect(res.status).toBe(200);
}

interface ItemJson {
  number: string;
  status: string;
  dueDate: string;
  leadUnitName: string;
}
interface ReportJson {
  periodKey: string;
  version: number;
  current: boolean;
  status: string;
  late: boolean | null;
  evidence: unknown[];
}

describe.skipIf(!browserAvailable)('a year of an item in the English UI, in Chromium', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const server = await startServer();
    base = server.baseUrl;
    stop = server.stop;
    ({ browser, close } = await launch());
  });
  afterAll(async () => {
    await close?.();
    await stop?.();
  });

  it('takes a key-work item from registration to completion over a year', { timeout: 240_000 }, async () => {
    const desk = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const phone = () =>
      browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
    const [supervisor, manager, reporter] = await Promise.all([
      logIn(desk, 'supervisor'),
      phone().then((c) => logIn(c, 'dadongba')),
      phone().then((c) => logIn(c, 'dadongba_tb')),
    ]);

    const item = async () => {
      const res = await supervisor.request.get(url(`/api/items/${itemId}`));
      return (await res.json()) as ItemJson;
    };
    const reports = async () =>
      (
        (await (await supervisor.request.get(url(`/api/items/${itemId}/reports`))).json()) as {
          items: ReportJson[];
        }
      ).items;
    const report = async (periodKey: string, version = 1) =>
      (await reports()).find((r) => r.periodKey === periodKey && r.version === version);
    const noSidewaysScroll = async (page: Page) =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(376);

    // ---- April: the task force registers the item and assigns it; the town accepts it.
    await supervisor.getByTestId('menu-items').click();
    await supervisor.getByTestId('item-create').click();
    await supervisor.getByTestId('item-form').waitFor();
    await supervisor.getByTestId('item-kind-work').click();
    await fill(supervisor, 'item-title', TITLE);
    await choose(supervisor, 'item-urgency', 'Urgent');
    await choose(supervisor, 'item-lead-unit', '大东坝镇', '大东坝');
    await choose(supervisor, 'item-leader', '林县长');
    await typeDate(supervisor, 'item-start-date', '2022-04-20');
    await typeDate(supervisor, 'item-due-date', '2022-12-31');
    await choose(supervisor, 'item-frequency', 'Quarterly');
    const milestones = [
      ['Survey done and lamp plan approved', '2022-05-31', '20'],
      ['Half of the lamps installed', '2022-08-31', '40'],
      ['All lamps installed and inspected', '2022-11-30', '40'],
    ] as const;
    for (const [i, [title, date, weight]] of milestones.entries()) {
      await supervisor.getByTestId('milestone-add').click();
      await fill(supervisor, `milestone-title-${i}`, title);
      await typeDate(supervisor, `milestone-date-${i}`, date);
      await fill(supervisor, `milestone-weight-${i}`, weight);
    }
    await supervisor.keyboard.press('Tab');
    await expect.poll(() => supervisor.getByTestId('milestone-weight-sum').innerText()).toContain('100');
    // Enter in a date never saved the form: nothing is registered until "Save as draft".
    expect(supervisor.url()).toContain('/items/new');
    await supervisor.getByTestId('item-save').click();
    await supervisor.waitForURL(/\/items\/[\w-]{10,}$/);
    const itemId = supervisor.url().split('/').pop()!;
    const registered = await item();
    expect(registered).toMatchObject({ status: 'draft', leadUnitName: '大东坝镇', dueDate: '2022-12-31' });
    const number = registered.number;
    await clickAndConfirm(supervisor, supervisor.getByTestId('item-action-assign'), TRANSITION);
    await expect.poll(async () => (await item()).status).toBe('assigned');

    await manager.goto(url('/todo'));
    const toAccept = manager
      .getByTestId('todo-items-to-accept')
      .locator('.ant-list-item', { hasText: number });
    await clickAndConfirm(manager, toAccept.getByTestId('todo-accept'), TRANSITION);
    await expect.poll(async () => (await item()).status).toBe('accepted');

    // ---- June: the first milestone is overdue; the task force evaluates the county and a yellow light appears.
    const evaluate = async () => {
      await supervisor.goto(url('/warnings'));
      await clickAndConfirm(
        supervisor,
        supervisor.getByTestId('warning-evaluate'),
        /\/api\/warnings\/evaluate$/,
      );
    };
    await settings({ demoToday: '2022-06-06' });
    await evaluate();
    await choose(supervisor, 'warning-filter-unit', '大东坝镇', '大东坝');
    const boardRow = supervisor.getByTestId('warning-row').filter({ hasText: number });
    await expect.poll(() => boardRow.count()).toBeGreaterThanOrEqual(1);
    expect(await boardRow.first().getByTestId('warning-explanation').innerText()).toContain(
      'Survey done and lamp plan approved',
    );
    await supervisor.goto(url(`/items/${itemId}`));
    await expect
      .poll(() => supervisor.locator('[data-testid=item-light-link] [data-colour=yellow]').count())
      .toBe(1);

    // ---- July: the reporter files Q2 on the phone with the milestone and a photo.
    await settings({ demoToday: '2022-07-01' });
    await reporter.goto(url('/todo'));
    await reporter
      .getByTestId('todo-report-due')
      .filter({ hasText: number })
      .getByTestId('todo-fill')
      .click();
    await reporter.getByTestId('report-form').waitFor();
    await fill(reporter, 'report-progress', '25');
    await reporter.getByTestId('report-milestone-0').click();
    await typeDate(reporter, 'report-milestone-date-0', '2022-06-08');
    await fill(
      reporter,
      'report-work-progress',
      'Survey of 42 km of village roads done; lamp plan approved.',
    );
    await reporter
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'survey.png', mimeType: 'image/png', buffer: png() });
    await reporter.getByTestId('evidence-thumb').first().waitFor();
    await noSidewaysScroll(reporter);
    await reporter.getByTestId('report-submit-button').click();
    await expect.poll(async () => (await report('2022-Q2'))?.status).toBe('submitted');
    expect((await report('2022-Q2'))!.evidence).toHaveLength(1);

    // The task force returns it with a reason; the reporter adds a second photo and files it again.
    const reviewCard = supervisor.getByTestId('report-card').filter({ hasText: number });
    await supervisor.getByTestId('menu-reviews').click();
    await reviewCard.getByTestId('report-return').click();
    await supervisor.getByTestId('reason-input').fill('Please add the photo of the approved plan.');
    await supervisor.getByTestId('reason-ok').click();
    await expect.poll(async () => (await report('2022-Q2'))?.status).toBe('returned');
    await reporter.goto(url(`/items/${itemId}?tab=reports`));
    await reporter.getByTestId('period-edit-2022-Q2').click();
    await expect
      .poll(() => reporter.getByTestId('report-return-reason').innerText())
      .toContain('approved plan');
    await reporter
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'plan.png', mimeType: 'image/png', buffer: png() });
    await reporter.getByTestId('evidence-thumb').nth(1).waitFor();
    await reporter.getByTestId('report-submit-button').click();
    await expect.poll(async () => (await report('2022-Q2'))?.status).toBe('submitted');
    await supervisor.goto(url('/reviews'));
    await clickAndConfirm(supervisor, reviewCard.getByTestId('report-accept'), ACCEPT);
    await expect.poll(async () => (await report('2022-Q2'))?.status).toBe('accepted');
    expect((await report('2022-Q2'))!.evidence).toHaveLength(2);

    // ---- October: reports now need the unit manager's approval. Q3 is filed late, approved, accepted.
    await settings({ reportApprovalRequired: true, demoToday: '2022-10-14' });
    await reporter.goto(url(`/items/${itemId}?tab=reports`));
    await reporter.getByTestId('period-fill-2022-Q3').click();
    await reporter.getByTestId('report-past-deadline').waitFor();
    await fill(reporter, 'report-progress', '55');
    await reporter.getByTestId('report-milestone-1').click();
    await typeDate(reporter, 'report-milestone-date-1', '2022-09-20');
    await fill(reporter, 'report-work-progress', '165 of 310 lamps installed.');
    await fill(
      reporter,
      'report-problems',
      'Filed late: the office was closed over the National Day holiday.',
    );
    await reporter
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'lamps.png', mimeType: 'image/png', buffer: png() });
    await reporter.getByTestId('evidence-thumb').first().waitFor();
    await reporter.getByTestId('report-submit-button').click();
    await expect.poll(async () => (await report('2022-Q3'))?.status).toBe('pending_approval');

    const approveInTodo = async () => {
      await manager.goto(url('/todo'));
      const pending = manager.getByTestId('todo-pending-approvals').getByTestId('report-card');
      await expect.poll(() => pending.filter({ hasText: number }).count()).toBe(1);
      await clickAndConfirm(
        manager,
        pending.filter({ hasText: number }).getByTestId('report-approve'),
        /\/api\/reports\/[^/]+\/approve$/,
      );
    };
    await approveInTodo();
    await expect.poll(async () => (await report('2022-Q3'))?.status).toBe('submitted');
    await supervisor.goto(url('/reviews'));
    await expect.poll(() => reviewCard.getByTestId('report-late').count()).toBe(1);
    await clickAndConfirm(supervisor, reviewCard.getByTestId('report-accept'), ACCEPT);
    await expect.poll(async () => (await report('2022-Q3'))?.status).toBe('accepted');
    expect((await report('2022-Q3'))!.late).toBe(true);

    // ---- November: the reporter corrects the accepted Q3 report; it goes through approval and review again.
    await settings({ demoToday: '2022-11-02' });
    await reporter.goto(url(`/items/${itemId}?tab=reports`));
    const correct = reporter
      .getByTestId('report-card')
      .filter({ hasText: 'Q3 2022' })
      .first()
      .getByTestId('report-correct');
    await clickAndConfirm(reporter, correct, /\/api\/reports\/[^/]+\/correct$/);
    await reporter.waitForURL(/\/reports\/[\w-]+\/edit/);
    await fill(reporter, 'report-progress', '58');
    await fill(
      reporter,
      'report-work-progress',
      '180 of 310 lamps installed (15 in Shicang were counted late).',
    );
    await reporter.getByTestId('report-submit-button').click();
    await expect.poll(async () => (await report('2022-Q3', 2))?.status).toBe('pending_approval');
    // The correction waits in the manager's to-do like any report.
    await approveInTodo();
    await expect.poll(async () => (await report('2022-Q3', 2))?.status).toBe('submitted');
    await supervisor.goto(url('/reviews'));
    await clickAndConfirm(supervisor, reviewCard.getByTestId('report-accept'), ACCEPT);
    await expect
      .poll(async () => await report('2022-Q3', 2))
      .toMatchObject({ status: 'accepted', current: true });
    expect((await report('2022-Q3', 1))!.current).toBe(false);

    // ---- Late November: the manager asks for an extension on the phone; the task force grants it.
    await settings({ demoToday: '2022-11-21' });
    await manager.goto(url(`/items/${itemId}?tab=requests`));
    await manager.getByTestId('request-extension').click();
    await typeDate(manager, 'request-due-date', '2023-01-31');
    await manager.getByTestId('request-reason').fill('The last 130 lamps are delayed by the supplier.');
    await manager.getByTestId('request-send').click();
    await manager.getByTestId('request-card').waitFor();
    await supervisor.goto(url('/todo'));
    await supervisor.getByTestId('todo-requests').getByTestId('todo-request-link').first().click();
    await supervisor.getByTestId('request-approve').click();
    await supervisor.getByTestId('reason-input').fill('Agreed: the supplier delay is documented.');
    await supervisor.getByTestId('reason-ok').click();
    await expect.poll(async () => (await item()).dueDate).toBe('2023-01-31');

    // ---- January: Q4 with the last milestone, approved and accepted; the town asks for completion; done.
    await settings({ demoToday: '2023-01-04' });
    await reporter.goto(url(`/items/${itemId}?tab=reports`));
    await reporter.getByTestId('period-fill-2022-Q4').click();
    await reporter.getByTestId('report-form').waitFor();
    await fill(reporter, 'report-progress', '100');
    await reporter.getByTestId('report-milestone-2').click();
    await typeDate(reporter, 'report-milestone-date-2', '2022-12-20');
    await fill(
      reporter,
      'report-work-progress',
      'All 310 lamps installed; inspection passed on 20 December.',
    );
    await reporter.getByTestId('report-submit-button').click();
    await expect.poll(async () => (await report('2022-Q4'))?.status).toBe('pending_approval');
    await approveInTodo();
    await expect.poll(async () => (await report('2022-Q4'))?.status).toBe('submitted');
    await supervisor.goto(url('/reviews'));
    await clickAndConfirm(supervisor, reviewCard.getByTestId('report-accept'), ACCEPT);
    await expect.poll(async () => (await report('2022-Q4'))?.status).toBe('accepted');

    await manager.goto(url(`/items/${itemId}`));
    await manager.getByTestId('item-action-request_completion').click();
    await manager.getByTestId('reason-input').fill('All lamps installed and inspected; see the Q4 report.');
    await manager.getByTestId('reason-ok').click();
    await expect.poll(async () => (await item()).status).toBe('completion_requested');
    await noSidewaysScroll(manager);
    await supervisor.goto(url(`/items/${itemId}`));
    await clickAndConfirm(supervisor, supervisor.getByTestId('item-action-complete'), TRANSITION);
    await expect.poll(async () => (await item()).status).toBe('completed');

    // The item page tells the year in English: completed, three milestones done, its reports and history.
    await supervisor.reload();
    await expect
      .poll(() => supervisor.locator('[data-testid=milestone-item][data-state=done]').count())
      .toBe(3);
    expect(await supervisor.locator('body').innerText()).toContain('Completed');
    await supervisor.getByTestId('item-tab-history').click();
    await expect.poll(() => supervisor.locator('body').innerText()).toContain('Complete and close');
  });
});
