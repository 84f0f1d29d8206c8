import { diceSimilarity, isSameProblem } from '../../../src/parsing/similarity';

describe('diceSimilarity', () => {
  it('is 1 for identical text and 0 for unrelated text', () => {
    expect(diceSimilarity('执法人员业务水平有待提高', '执法人员业务水平有待提高')).toBe(1);
    expect(diceSimilarity('执法人员业务水平有待提高', '政务公开栏更新不及时')).toBe(0);
  });

  it('ignores enumeration markers and punctuation', () => {
    expect(diceSimilarity('一是执法人员业务水平有待提高。', '（二）执法人员业务水平有待提高')).toBe(1);
  });

  it('treats reworded statements of the same problem as the same, different problems as different', () => {
    expect(isSameProblem('执法人员业务水平有待提高', '执法人员的业务水平还有待进一步提高')).toBe(true);
    expect(isSameProblem('执法人员业务水平有待提高', '领导干部法治意识有待提高')).toBe(false);
  });
});
