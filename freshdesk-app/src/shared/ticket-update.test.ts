import { conversationState } from '@rakuten-helpdesk/core';
import { RAKUTEN, forwardText } from '../../../test/freshdesk/support/rakuten-mail';
import type { Ticket } from './freshdesk-schemas';
import { ticketThread } from './thread';
import { planForwardUpdate, planSuspicionUpdate, threadFacts, type ForwardFacts } from './ticket-update';

const names = { orderNumber: 'cf_order1', customerName: 'cf_name1' };
const ticket: Ticket = { id: 1, created_at: '2026-03-02T09:00:00Z', tags: ['vip'], custom_fields: { cf_order1: null, cf_name1: '' } };
const facts: ForwardFacts = { orderNumber: '123-456-789', customerName: 'Erika', closingOnly: false, replyDueBy: new Date('2026-03-04T09:00:00.123Z') };

describe('planForwardUpdate', () => {
  test('fills the empty fields, adds the tag and sets both deadlines, without milliseconds', () => {
    expect(planForwardUpdate(ticket, facts, names, 'reply-and-resolution')).toEqual({
      custom_fields: { cf_order1: '123-456-789', cf_name1: 'Erika' },
      tags: ['vip', 'rakuten'],
      due_by: '2026-03-04T09:00:00Z',
      fr_due_by: '2026-03-04T09:00:00Z',
    });
  });

  test('leaves filled fields, known tags and equal deadlines alone: nothing to write', () => {
    const done: Ticket = { ...ticket, tags: ['Rakuten'], custom_fields: { cf_order1: 'korrigiert', cf_name1: 'Erika M.' }, due_by: '2026-03-04T09:00:00Z', fr_due_by: '2026-03-04T09:00:00Z' };
    expect(planForwardUpdate(done, facts, names, 'reply-and-resolution')).toBeNull();
  });

  test('without field names or facts, only tags and deadline', () => {
    const update = planForwardUpdate(ticket, { ...facts, orderNumber: null }, { orderNumber: null, customerName: 'cf_name1' }, 'resolution');
    expect(update).toEqual({ custom_fields: { cf_name1: 'Erika' }, tags: ['vip', 'rakuten'], due_by: '2026-03-04T09:00:00Z' });
  });

  test('closing-only adds rakuten-abschluss, and a real question takes it away again', () => {
    expect(planForwardUpdate({ ...ticket, tags: [] }, { ...facts, closingOnly: true, replyDueBy: null }, names, 'resolution')?.tags).toEqual(['rakuten', 'rakuten-abschluss']);
    expect(planForwardUpdate({ ...ticket, tags: ['rakuten', 'rakuten-abschluss'] }, { ...facts, replyDueBy: null }, names, 'resolution')?.tags).toEqual(['rakuten']);
  });

  test('a later forward moves only due_by, and pulls fr_due_by forward only where it would end up later', () => {
    const later = { ...ticket, due_by: '2026-03-04T09:00:00Z', fr_due_by: '2026-03-04T09:00:00Z' };
    expect(planForwardUpdate(later, { ...facts, replyDueBy: new Date('2026-03-09T14:00:00Z') }, names, 'resolution')).toMatchObject({ due_by: '2026-03-09T14:00:00Z' });
    expect(planForwardUpdate(later, { ...facts, replyDueBy: new Date('2026-03-09T14:00:00Z') }, names, 'resolution')).not.toHaveProperty('fr_due_by');
    const slaLater = { ...ticket, due_by: '2026-03-10T09:00:00Z', fr_due_by: '2026-03-10T09:00:00Z' };
    expect(planForwardUpdate(slaLater, facts, names, 'resolution')).toMatchObject({ due_by: '2026-03-04T09:00:00Z', fr_due_by: '2026-03-04T09:00:00Z' });
  });
});

describe('planSuspicionUpdate', () => {
  test('adds the warning tag once', () => {
    expect(planSuspicionUpdate(ticket)).toEqual({ tags: ['vip', 'rakuten-verdacht'] });
    expect(planSuspicionUpdate({ ...ticket, tags: ['rakuten-verdacht'] })).toBeNull();
    expect(planSuspicionUpdate({ id: 2, created_at: '2026-03-02T09:00:00Z' })).toEqual({ tags: ['rakuten-verdacht'] });
  });
});

describe('threadFacts', () => {
  test('a thread of one forward: that forward’s facts', () => {
    const state = conversationState(ticketThread({ id: 1, created_at: '2026-03-02T09:00:00Z', description_text: forwardText({ message: 'Danke, alles da!' }) }, RAKUTEN, []));
    expect(threadFacts(state)).toEqual({ orderNumber: '123-456-789', customerName: 'Erika Musterfrau', closingOnly: true, replyDueBy: new Date('2026-03-04T09:00:00Z') });
  });

  test('no forward: nothing to fill', () => {
    const state = conversationState(ticketThread({ id: 1, created_at: '2026-03-02T09:00:00Z', description_text: 'Ihre Rechnung' }, RAKUTEN, []));
    expect(threadFacts(state)).toEqual({ orderNumber: null, customerName: null, closingOnly: false, replyDueBy: null });
  });
});
