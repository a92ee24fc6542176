export { WatchedFolder, fileAway } from './watched-folder';
