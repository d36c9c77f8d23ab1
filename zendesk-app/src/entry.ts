// The location's entry: start the SDK and hand its client to the app. Nothing else happens here.
import { startSidebar } from './app';
import { wrapZafClient, type ZafSdkClient } from './zaf-client';

declare const ZAFClient: { init(): ZafSdkClient | false };

const zaf = ZAFClient.init();
if (zaf) startSidebar(wrapZafClient(zaf), document);
