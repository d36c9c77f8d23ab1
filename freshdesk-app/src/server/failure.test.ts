import { describeFailure, isSetIfConflict } from './failure';
import { UnexpectedAnswer } from '../shared/freshdesk-api';

describe('platform failures', () => {
  test.each<[unknown, string]>([
    [{ status: 503, attempts: 5, response: 'Kundenname: Erika' }, 'status 503 after 5 attempt(s)'],
    [{ status: 404, message: 'Record not found' }, 'status 404'],
    [new UnexpectedAnswer('getTicket: not JSON'), 'UnexpectedAnswer'],
    [new Error('with details'), 'error'],
    ['text', 'unknown failure'],
    [{}, 'unknown failure'],
  ])('%j is described as "%s", without the answer body', (error, description) => {
    expect(describeFailure(error)).toBe(description);
  });

  test('recognises the setIf conflict', () => {
    expect(isSetIfConflict({ status: 400, message: 'The setIf conditional request failed' })).toBe(true);
    expect(isSetIfConflict({ status: 400, message: 'Key cannot be blank' })).toBe(false);
    expect(isSetIfConflict('x')).toBe(false);
  });
});
