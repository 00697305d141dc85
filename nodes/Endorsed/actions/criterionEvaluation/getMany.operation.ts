import { nominationEvaluations } from '../../helpers/evaluations';
import { evaluationsOperation } from './readOperation';

export const { description, execute } = evaluationsOperation('nomination', 'getMany', nominationEvaluations);
