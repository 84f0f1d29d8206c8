import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import { Public } from '../identity/public.decorator';
import { packageVersion } from '../runtime/openapi-document';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { VOCABULARY } from '../tasks/vocabulary';
import { MetaDto } from './dto/meta.dto';

@ApiTags('meta')
@Controller('meta')
export class MetaController {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly calendar: OrganizationCalendar,
  ) {}

  @Get()
  @Public()
  @ApiRoute({
    summary: '服务信息：名称、版本、是否为演示模式，以及界面用语',
    description:
      'vocabulary 为界面上所有代码值的中文用语：任务状态（statuses）、事项类型（itemTypes）、红黄绿灯（lights，含颜色名）三者各自独立；另有任务操作（taskActions，与任务详情的 allowedActions 对应）、办理记录动作（historyActions）、报告条目类别（reportItemKinds）、角色（roles）和权限表（permissions：操作 → 角色）。',
    ok: MetaDto,
  })
  meta() {
    return {
      name: 'Rectify',
      version: packageVersion(),
      demo: this.runtime.demo,
      timeZone: this.calendar.timeZone,
      vocabulary: VOCABULARY,
    };
  }
}
