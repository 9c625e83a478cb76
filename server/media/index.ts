export { deleteMedia, recordMediaUsage, type MediaUsage } from './delete.ts';
export { buildImageSources, defaultImageSizes, type ImageSources } from './image-sources.ts';
export { createMediaRoutes } from './routes.ts';
export { createMediaStore, type MediaStore } from './store.ts';
export {
  defaultUploadLimits,
  storeUpload,
  type MediaRow,
  type StoredUpload,
  type StoreUploadOptions,
  type UploadLimits,
} from './upload.ts';
export { mediaPath, variantPath } from './urls.ts';
