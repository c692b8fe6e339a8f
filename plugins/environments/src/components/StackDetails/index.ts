export { StackDetails } from './StackDetails';
