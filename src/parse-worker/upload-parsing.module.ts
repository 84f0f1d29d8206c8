import { Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { configureUploadParsing, releaseUploadParsing, uploadParsingSettings } from './upload-parsing';

/** Configures the parse threads from the validated configuration at start-up and ends them at shutdown. */
@Module({})
export class UploadParsingModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  onModuleInit(): void {
    configureUploadParsing(this, uploadParsingSettings(this.runtime.config));
  }

  onApplicationShutdown(): Promise<void> {
    return releaseUploadParsing(this);
  }
}
