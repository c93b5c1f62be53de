import { interchangePlugin } from './plugin';

describe('interchange', () => {
  it('should export plugin', () => {
    expect(interchangePlugin).toBeDefined();
  });
});
