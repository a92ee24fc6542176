/** To-dos: each capability registers what waits on the seller; 商家总览 reads them all (and knows none of them). */
export { TodoRegistry, type TodoProvider } from './todo-registry';
