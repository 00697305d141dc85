import { candidateEvaluations } from '../../helpers/evaluations';
import { evaluationsOperation } from './readOperation';

/** Every nomination's evaluations; each item says which nomination and job it belongs to. */
export const { description, execute } = evaluationsOperation('candidate', 'getManyForCandidate', candidateEvaluations);
