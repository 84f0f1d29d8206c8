import { linkMeasuresToProblems } from '../../../src/parsing/link-measures';

const item = (id: string, title: string) => ({ id, title, text: title });

describe('linkMeasuresToProblems', () => {
  it('pairs problems and measures by order when they match one to one', () => {
    const links = linkMeasuresToProblems(
      [item('p1', '甲问题'), item('p2', '乙问题')],
      [item('m1', '措施一'), item('m2', '措施二')],
    );
    expect([...links]).toEqual([
      ['p1', ['m1']],
      ['p2', ['m2']],
    ]);
  });

  it('otherwise links a measure to the problem it resembles and leaves unrelated measures unlinked', () => {
    const links = linkMeasuresToProblems(
      [item('p1', '执法人员业务水平有待提高'), item('p2', '领导干部法治意识有待提高')],
      [
        item('m1', '加大对执法人员的培训力度，提高业务水平'),
        item('m2', '组织领导干部开展学法，增强法治意识'),
        item('m3', '按照乡镇履职清单要求落实工作'),
      ],
    );
    expect([...links]).toEqual([
      ['p1', ['m1']],
      ['p2', ['m2']],
    ]);
  });
});
