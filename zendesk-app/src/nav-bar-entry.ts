// The nav bar location's entry: start the SDK and hand its client to the view. Nothing else happens here.
import { startNavBar } from './nav-bar';
import { wrapZafClient, type ZafSdkClient } from './zaf-client';

declare const ZAFClient: { init(): ZafSdkClient | false };

const zaf = ZAFClient.init();
if (zaf) startNavBar(wrapZafClient(zaf), document);
