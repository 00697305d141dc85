import type { Route } from '../router';
import { attachmentRoutes } from './attachments';
import { authRoutes } from './auth';
import { candidateRoutes } from './candidates';
import { criterionRoutes } from './criteria';
import { jobRoutes } from './jobs';
import { nominationRoutes } from './nominations';
import { rankingRoutes } from './rankings';
import { spotlightRoutes } from './spotlight';
import { stageRoutes } from './stages';
import { tagRoutes } from './tags';

/** Every Endorsed API v1 route the sandbox serves, relative to /api/v1. */
export const apiRoutes: Route[] = [
	...authRoutes,
	...jobRoutes,
	...criterionRoutes,
	...stageRoutes,
	...candidateRoutes,
	...nominationRoutes,
	...attachmentRoutes,
	...rankingRoutes,
	...spotlightRoutes,
	...tagRoutes,
];
