import { describe, expect, it } from 'vitest';
import { createBody, initialValues, isWebhookUrl, patchBody, type WebhookFormValues } from './form';
import { messageText, type Webhook } from './service';

const hook: Webhook = {
  id: 'w1',
  name: '专班钉钉群',
  format: 'dingtalk',
  url: 'https://oapi.dingtalk.com/robot/send?access_token=x',
  hasSecret: true,
  events: ['warning.issued'],
  active: true,
  createdAt: '2022-04-15T01:00:00.000Z',
  updatedAt: '2022-04-15T01:00:00.000Z',
};
const values = (over: Partial<WebhookFormValues> = {}): WebhookFormValues => ({
  ...initialValues(hook),
  ...over,
});

describe('webhook form', () => {
  it.each([
    ['https://oapi.dingtalk.com/robot/send?access_token=x', true],
    ['http://127.0.0.1:8080/hook', true],
    [' https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k ', true],
    ['ftp://example.org/x', false],
    ['javascript:alert(1)', false],
    ['http://user:pw@example.org/', false],
    ['oapi.dingtalk.com/robot/send', false],
    ['', false],
  ])('%s is a webhook URL: %s', (url, expected) => {
    expect(isWebhookUrl(url)).toBe(expected);
  });

  it('starts an edit with an empty secret field, whatever is set', () => {
    expect(initialValues(hook)).toMatchObject({ secret: '', clearSecret: false, events: ['warning.issued'] });
    expect(initialValues(null)).toMatchObject({
      format: 'dingtalk',
      active: true,
      events: ['warning.issued', 'warning.escalated', 'warning.cleared'],
    });
  });

  it('keeps the secret in force when the field is left empty, replaces it when filled, removes it on request', () => {
    expect(patchBody(values())).not.toHaveProperty('secret');
    expect(patchBody(values({ secret: ' SECnew ' })).secret).toBe('SECnew');
    expect(patchBody(values({ clearSecret: true })).secret).toBeNull();
    expect(patchBody(values({ secret: 'SECnew', clearSecret: true })).secret).toBe('SECnew');
    expect(patchBody(values())).not.toHaveProperty('format');
  });

  it('sends no secret for a WeCom robot', () => {
    const wecom = values({ format: 'wecom', secret: 'SECx', clearSecret: true });
    expect(createBody(wecom)).not.toHaveProperty('secret');
    expect(patchBody(wecom)).not.toHaveProperty('secret');
    expect(createBody(values({ name: ' 群 ', url: ' http://127.0.0.1/h ' }))).toMatchObject({
      name: '群',
      url: 'http://127.0.0.1/h',
    });
  });

  it('reads the message of either format', () => {
    expect(messageText({ msgtype: 'markdown', markdown: { title: 't', text: '#### t' } })).toBe('#### t');
    expect(messageText({ msgtype: 'markdown', markdown: { content: 'c' } })).toBe('c');
    expect(messageText(null)).toBe('');
    expect(messageText({ markdown: 'x' })).toBe('');
  });
});
