import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../identity/public.decorator';
import { Runtime, RUNTIME } from '../runtime/runtime';

@ApiTags('meta')
@Controller('meta')
export class MetaController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '服务信息：名称、版本、是否为演示模式' })
  meta() {
    return {
      name: 'Rectify',
      version: '0.1.0',
      demo: this.runtime.demo,
      timeZone: this.runtime.config.TIME_ZONE,
    };
  }
}
