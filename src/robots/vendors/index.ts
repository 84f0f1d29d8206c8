import { RobotVendor } from '../robot-vendor';
import { dingtalk } from './dingtalk';
import { feishu } from './feishu';
import { generic } from './generic';
import { VendorAdapter } from './vendor-adapter';
import { wecom } from './wecom';

export const VENDOR_ADAPTERS: Record<RobotVendor, VendorAdapter> = { dingtalk, wecom, feishu, generic };
