import { open, type FileHandle } from 'node:fs/promises';

/**
 * Reader for the directory of a Compound File Binary file (MS-CFB, the container of .doc,
 * .xls, .ppt and .msi). `file-type` reports them all as `application/x-cfb`, so the names of
 * the streams inside tell a Word document from an installer.
 */

const signature = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const headerFatEntries = 109;
const directoryEntrySize = 128;
/** Sector numbers above this are markers (end of chain, free, FAT, DIFAT), not locations. */
const maxRegularSector = 0xfffffffa;

const storageEntry = 1;
const streamEntry = 2;

type SectorReader = (sector: number) => Promise<Buffer>;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);

  return buffer.subarray(0, bytesRead);
}

/** Collects the sector numbers of the FAT from the header and the DIFAT chain. */
async function readFatSectors(header: Buffer, sectorSize: number, readSector: SectorReader) {
  const fatSectorCount = header.readUInt32LE(0x2c);
  const fatSectors: number[] = [];
  for (let i = 0; i < headerFatEntries && fatSectors.length < fatSectorCount; i++) {
    fatSectors.push(header.readUInt32LE(0x4c + i * 4));
  }

  const entriesPerDifatSector = sectorSize / 4 - 1;
  let difatSector = header.readUInt32LE(0x44);
  let remainingDifatSectors = header.readUInt32LE(0x48);
  while (
    remainingDifatSectors > 0 &&
    difatSector <= maxRegularSector &&
    fatSectors.length < fatSectorCount
  ) {
    const data = await readSector(difatSector);
    for (let i = 0; i < entriesPerDifatSector && fatSectors.length < fatSectorCount; i++) {
      fatSectors.push(data.readUInt32LE(i * 4));
    }
    // The last entry of a DIFAT sector links to the next one.
    difatSector = data.readUInt32LE(entriesPerDifatSector * 4);
    remainingDifatSectors -= 1;
  }

  return fatSectors;
}

function namesInDirectorySector(data: Buffer): string[] {
  const names: string[] = [];
  for (let offset = 0; offset + directoryEntrySize <= data.length; offset += directoryEntrySize) {
    const entryType = data[offset + 0x42];
    // The name length is in bytes and counts the UTF-16 terminator.
    const nameLength = data.readUInt16LE(offset + 0x40);
    if ((entryType === storageEntry || entryType === streamEntry) && nameLength >= 2) {
      names.push(data.toString('utf16le', offset, offset + Math.min(nameLength, 64) - 2));
    }
  }

  return names;
}

async function readDirectoryNames(handle: FileHandle): Promise<string[] | undefined> {
  const { size } = await handle.stat();
  const header = await readAt(handle, 0, 512);
  if (header.length < 512 || !header.subarray(0, 8).equals(signature)) {
    return undefined;
  }
  const sectorShift = header.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) {
    return undefined;
  }

  const sectorSize = 2 ** sectorShift;
  // Sector n starts after the header, which takes one sector's room.
  const readSector: SectorReader = (sector) =>
    readAt(handle, (sector + 1) * sectorSize, sectorSize);
  const fatSectors = await readFatSectors(header, sectorSize, readSector);
  const entriesPerFatSector = sectorSize / 4;
  const nextSector = async (sector: number) => {
    const fatSector = fatSectors[Math.floor(sector / entriesPerFatSector)];
    if (fatSector === undefined || fatSector > maxRegularSector) {
      return maxRegularSector + 1;
    }
    const data = await readSector(fatSector);

    return data.readUInt32LE((sector % entriesPerFatSector) * 4);
  };

  const names: string[] = [];
  // A chain can be no longer than the file has sectors; a longer one loops and is corrupt.
  const maxChainLength = Math.ceil(size / sectorSize);
  let sector = header.readUInt32LE(0x30);
  for (let visited = 0; sector <= maxRegularSector; visited++) {
    if (visited >= maxChainLength) {
      return undefined;
    }
    const data = await readSector(sector);
    if (data.length < sectorSize) {
      return undefined;
    }
    names.push(...namesInDirectorySector(data));
    sector = await nextSector(sector);
  }

  return names;
}

/** Lists the storage and stream names of a compound file, or undefined when it is malformed. */
export async function readCompoundFileNames(file: string): Promise<string[] | undefined> {
  const handle = await open(file, 'r');
  try {
    return await readDirectoryNames(handle);
  } finally {
    await handle.close();
  }
}

export type CompoundDocument = { mime: string; hasMacros: boolean };

/**
 * Identifies a legacy Office document by its main stream (`WordDocument`, `Workbook` or
 * `Book`, `PowerPoint Document`) and whether it carries a VBA project. Returns undefined for
 * any other compound file, installers included.
 *
 * NOTE: PowerPoint stores its VBA project inside the `PowerPoint Document` stream, so macros in
 * a .ppt are not detected. No default upload limit accepts .ppt.
 */
export async function identifyCompoundDocument(
  file: string,
): Promise<CompoundDocument | undefined> {
  const names = await readCompoundFileNames(file);
  if (!names) {
    return undefined;
  }
  const has = (name: string) => names.includes(name);
  // Word keeps its VBA project in a `Macros` storage, Excel in `_VBA_PROJECT_CUR`.
  const hasMacros = has('Macros') || has('_VBA_PROJECT_CUR') || has('VBA');

  if (has('WordDocument')) {
    return { mime: 'application/msword', hasMacros };
  }
  if (has('Workbook') || has('Book')) {
    return { mime: 'application/vnd.ms-excel', hasMacros };
  }
  if (has('PowerPoint Document')) {
    return { mime: 'application/vnd.ms-powerpoint', hasMacros };
  }

  return undefined;
}
