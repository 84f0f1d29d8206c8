import { Fixtures, OrgWithUsers } from '../../support/fixtures';
import type { TestApp } from '../../support/test-app';
import { uniqueSuffix } from '../../support/test-env';

export interface CountyTree {
  county: OrgWithUsers;
  townships: OrgWithUsers[];
}

/** A county with `count` townships below it (and optionally a city above), names unique per call. */
export async function countyWithTownships(app: TestApp, count: number, parentId: string | null = null) {
  const fixtures = Fixtures.of(app);
  const suffix = uniqueSuffix();
  const county = await fixtures.organization({ name: `鲁山县人民政府${suffix}`, parentId });
  const townships: OrgWithUsers[] = [];
  for (const name of ['张良镇', '辛集乡', '董周乡', '仓头乡', '瓦屋镇'].slice(0, count))
    townships.push(
      await fixtures.organization({ name: `鲁山县${name}人民政府${suffix}`, parentId: county.org.id }),
    );
  return { county, townships } satisfies CountyTree;
}
