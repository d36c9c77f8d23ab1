import type { RuleCondition, TriggerInfo } from './setup-api';
import { mailsRequester, offendingTriggers, rulesOutRakutenMail, type RakutenMailTicket } from './triggers';

const RAKUTEN_USER = 200;

function trigger(id: number, position: number, all: RuleCondition[], actions: TriggerInfo['actions'], any: RuleCondition[] = []): TriggerInfo {
  return { id, title: `T${id}`, position, all, any, actions };
}

const notify = (recipient: string): TriggerInfo['actions'] => [{ field: 'notification_user', value: [recipient, 'Betreff', 'Text'] }];
const CREATE: RuleCondition = { field: 'update_type', operator: 'is', value: 'Create' };
const TAGGER = trigger(1, 5, [CREATE, { field: 'via_id', operator: 'is', value: '4' }, { field: 'comment_includes_word', operator: 'is', value: 'Weitergeleitete Nachricht des Kunden' }], [
  { field: 'current_tags', value: 'rakuten' },
]);

describe('mailsRequester', () => {
  test.each([
    ['requester_id', true],
    ['requester_and_ccs', true],
    // On a mail-made ticket the current user is the sender.
    ['current_user', true],
    ['all_agents', false],
    ['assignee_id', false],
    ['123456', false],
  ])('notification_user to %s: %p', (recipient, expected) => {
    expect(mailsRequester(trigger(1, 1, [], notify(recipient)))).toBe(expected);
  });

  test('a webhook or a group notification does not mail the requester', () => {
    expect(mailsRequester(trigger(1, 1, [], [{ field: 'notification_webhook', value: ['01H', '{}'] }, { field: 'notification_group', value: ['5', 's', 'b'] }]))).toBe(false);
  });
});

describe('rulesOutRakutenMail', () => {
  const known: RakutenMailTicket = { requesterId: RAKUTEN_USER, tags: new Set<string>() };
  const tagged: RakutenMailTicket = { requesterId: RAKUTEN_USER, tags: new Set(['rakuten']) };
  const unknownUser: RakutenMailTicket = { requesterId: null, tags: new Set<string>() };

  test.each<[string, RuleCondition, RakutenMailTicket, boolean]>([
    ['update is a change', { field: 'update_type', operator: 'is', value: 'Change' }, known, true],
    ['update is a creation', CREATE, known, false],
    ['channel is the web form', { field: 'via_id', operator: 'is', value: 0 }, known, true],
    ['channel is not e-mail', { field: 'via_id', operator: 'is_not', value: '4' }, known, true],
    ['channel is e-mail', { field: 'via_id', operator: 'is', value: '4' }, known, false],
    ['this update came by web form', { field: 'current_via_id', operator: 'is', value: '0' }, known, true],
    ['the updater is an agent', { field: 'role', operator: 'is', value: 'agent' }, known, true],
    ['the updater is not an end user', { field: 'role', operator: 'is_not', value: 'end_user' }, known, true],
    ['the updater is an end user', { field: 'role', operator: 'is', value: 'end_user' }, known, false],
    ['requester is not Rakuten', { field: 'requester_id', operator: 'is_not', value: String(RAKUTEN_USER) }, known, true],
    ['requester is someone else', { field: 'requester_id', operator: 'is', value: '999' }, known, true],
    ['requester is Rakuten', { field: 'requester_id', operator: 'is', value: RAKUTEN_USER }, known, false],
    ['requester is not someone else', { field: 'requester_id', operator: 'is_not', value: '999' }, known, false],
    ['requester is the current user', { field: 'requester_id', operator: 'is', value: 'current_user' }, known, false],
    ['no Rakuten user yet: "is not <id>" cannot name the new one', { field: 'requester_id', operator: 'is_not', value: '999' }, unknownUser, false],
    ['no Rakuten user yet: "is <id>" names someone else', { field: 'requester_id', operator: 'is', value: '999' }, unknownUser, true],
    ['tags without rakuten, once tagged', { field: 'current_tags', operator: 'not_includes', value: 'vip rakuten' }, tagged, true],
    ['tags without rakuten, before tagging', { field: 'current_tags', operator: 'not_includes', value: 'rakuten' }, known, false],
    ['tags must include vip', { field: 'current_tags', operator: 'includes', value: 'vip' }, tagged, true],
    ['tags must include rakuten, once tagged', { field: 'current_tags', operator: 'includes', value: 'Rakuten' }, tagged, false],
    ['the receiving address (unknown to the app)', { field: 'recipient', operator: 'is', value: 'shop@example.com' }, known, false],
    ['words in the comment (unknown to the app)', { field: 'comment_includes_word', operator: 'is', value: 'Rechnung' }, known, false],
  ])('%s', (_name, condition, ticket, expected) => {
    expect(rulesOutRakutenMail(condition, ticket)).toBe(expected);
  });
});

describe('offendingTriggers', () => {
  test('Zendesk’s default auto-reply as shipped is named', () => {
    const received = trigger(2, 1, [CREATE, { field: 'status', operator: 'is_not', value: 'solved' }], notify('requester_and_ccs'));
    expect(offendingTriggers([TAGGER, received], RAKUTEN_USER).map((found) => found.id)).toEqual([2]);
  });

  test('a tag condition keeps Rakuten out only below the tagger', () => {
    const withoutRakuten = (id: number, position: number): TriggerInfo =>
      trigger(id, position, [CREATE, { field: 'current_tags', operator: 'not_includes', value: 'rakuten' }], notify('requester_id'));
    expect(offendingTriggers([withoutRakuten(2, 1), TAGGER, withoutRakuten(3, 9)], RAKUTEN_USER).map((found) => found.id)).toEqual([2]);
  });

  test('"any" conditions keep Rakuten out only when every one of them does', () => {
    const someChannel = trigger(2, 9, [CREATE], notify('requester_id'), [
      { field: 'via_id', operator: 'is', value: '0' },
      { field: 'via_id', operator: 'is', value: '4' },
    ]);
    const webOnly = trigger(3, 9, [CREATE], notify('requester_id'), [
      { field: 'via_id', operator: 'is', value: '0' },
      { field: 'via_id', operator: 'is', value: '29' },
    ]);
    expect(offendingTriggers([someChannel, webOnly], RAKUTEN_USER).map((found) => found.id)).toEqual([2]);
  });

  test('updates only, agents only, or Rakuten excluded by requester: nothing named', () => {
    expect(
      offendingTriggers(
        [
          trigger(2, 1, [{ field: 'update_type', operator: 'is', value: 'Change' }], notify('requester_and_ccs')),
          trigger(3, 2, [CREATE], notify('all_agents')),
          trigger(4, 3, [CREATE, { field: 'requester_id', operator: 'is_not', value: String(RAKUTEN_USER) }], notify('requester_id')),
        ],
        RAKUTEN_USER,
      ),
    ).toEqual([]);
  });

  test('a tagger that never fires on Rakuten mail does not count', () => {
    const webTagger = trigger(1, 1, [CREATE, { field: 'via_id', operator: 'is', value: '0' }], [{ field: 'current_tags', value: 'rakuten' }]);
    const received = trigger(2, 2, [CREATE, { field: 'current_tags', operator: 'not_includes', value: 'rakuten' }], notify('requester_id'));
    expect(offendingTriggers([webTagger, received], RAKUTEN_USER).map((found) => found.id)).toEqual([2]);
  });
});
