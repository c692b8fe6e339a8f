export { Moment } from './Moment';
