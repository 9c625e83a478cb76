import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';

import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { assertValidObjectKey } from './object-keys.ts';
import type { MediaStore } from './store.ts';

export type S3StoreSettings = NonNullable<Config['s3']>;

/** Parts of 8 MiB keep a 20 MiB upload to three requests; S3 requires at least 5 MiB. */
const partSize = 8 * 1024 * 1024;

/** Codes of Node socket errors that mean the endpoint cannot be reached right now. */
const networkErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

type SdkError = {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
};

function statusOf(error: unknown): number | undefined {
  return (error as SdkError | undefined)?.$metadata?.httpStatusCode;
}

function isUnavailable(error: unknown): boolean {
  const sdkError = error as SdkError | undefined;
  const status = statusOf(error);

  return (
    (status !== undefined && status >= 500) ||
    networkErrorCodes.has(sdkError?.code ?? '') ||
    sdkError?.name === 'TimeoutError'
  );
}

function isNotFound(error: unknown): boolean {
  const name = (error as SdkError | undefined)?.name;

  return statusOf(error) === 404 || name === 'NoSuchKey' || name === 'NotFound';
}

/** Turns an outage into a 503 with a plain message; any other error is left as it is. */
function toStoreError(error: unknown, operation: string): unknown {
  if (isUnavailable(error)) {
    return new AppError('unavailable', 'Media storage is unavailable. Try again later.', {
      logMessage: `S3 ${operation} failed`,
      cause: error,
    });
  }

  return error;
}

/** Builds the S3 client. The checksum settings are what S3-compatible servers need. */
export function createS3Client(settings: S3StoreSettings): S3Client {
  const config: S3ClientConfig = {
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    // Since client-s3 3.729 the SDK sends streamed bodies with aws-chunked checksum trailers by
    // default. s3rver, and some other S3-compatible servers, store those trailers as part of the
    // object, so checksums are sent only where an operation requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  };
  if (settings.accessKeyId && settings.secretAccessKey) {
    config.credentials = {
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
    };
  }

  return new S3Client(config);
}

/**
 * Creates a store on an S3 bucket. Uploads go through lib-storage's `Upload`, which streams
 * the body in parts and aborts the multipart upload when a part fails, so a failed put leaves
 * no object. When the endpoint itself is down the abort cannot reach it either, and the
 * uploaded parts stay until the bucket's lifecycle rule for incomplete uploads removes them.
 */
export function createS3Store(settings: S3StoreSettings, client = createS3Client(settings)) {
  const bucket = settings.bucket;

  const store: MediaStore = {
    async put(key, body, options) {
      assertValidObjectKey(key);
      const upload = new Upload({
        client,
        params: {
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: options.contentType,
          ContentLength: options.size,
        },
        partSize,
        queueSize: 2,
        leavePartsOnError: false,
      });
      try {
        await upload.done();
      } catch (error) {
        throw toStoreError(error, 'upload');
      }
    },

    async get(key, options = {}) {
      assertValidObjectKey(key);
      const range = options.range;
      try {
        const response = await client.send(
          new GetObjectCommand({
            Bucket: bucket,
            Key: key,
            Range: range ? `bytes=${range.start}-${range.end}` : undefined,
          }),
        );
        const total = response.ContentRange?.split('/')[1];

        return {
          body: response.Body as Readable,
          size: total ? Number(total) : (response.ContentLength ?? 0),
          contentType: response.ContentType ?? 'application/octet-stream',
        };
      } catch (error) {
        if (isNotFound(error)) {
          return undefined;
        }
        throw toStoreError(error, 'get');
      }
    },

    async head(key) {
      assertValidObjectKey(key);
      try {
        const response = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));

        return {
          size: response.ContentLength ?? 0,
          contentType: response.ContentType ?? 'application/octet-stream',
        };
      } catch (error) {
        if (isNotFound(error)) {
          return undefined;
        }
        throw toStoreError(error, 'head');
      }
    },

    async delete(key) {
      assertValidObjectKey(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      } catch (error) {
        throw toStoreError(error, 'delete');
      }
    },
  };

  return store;
}
