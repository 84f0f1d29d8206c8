import { Injectable, StreamableFile } from '@nestjs/common';
import { contentDisposition } from '../common/content-disposition';
import { NotFoundError } from '../common/domain-error';
import { renderOfficialDocx } from '../documents/official-docx';
import type { AuthUser } from '../identity/auth-user';
import { bulletinDocument } from './bulletin-content';
import { CountyBulletinsService } from './county-bulletins.service';

const DOCX = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.docx$/i;

/** The 通报 as Word, rendered from its stored figures for the reader (the whole one, or a township's copy). */
@Injectable()
export class CountyBulletinFiles {
  constructor(private readonly bulletins: CountyBulletinsService) {}

  async docx(user: AuthUser, file: string): Promise<StreamableFile> {
    const id = DOCX.exec(file)?.[1];
    if (!id) throw new NotFoundError('通报', 'BULLETIN_NOT_FOUND');
    const { bulletin, onlyLineId } = await this.bulletins.readable(user, id.toLowerCase());
    const buffer = await renderOfficialDocx(bulletinDocument(bulletin.title, bulletin.content, onlyLineId));
    return new StreamableFile(buffer, {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      disposition: contentDisposition('attachment', `${bulletin.title}.docx`, 'bulletin.docx'),
    });
  }
}
