# Writes a tiny Planetoid-layout data set "toy" as Python-2-style protocol-2 pickles, opcode by
# opcode, mirroring the real ind.cora.* files (scipy csr_matrix via NEWOBJ + BUILD of a dict,
# numpy arrays via _reconstruct + BUILD with raw bytes as BINSTRING, defaultdict(list) graph).
# Run once with python3 at test-writing time; the outputs are checked in.
import struct

def short_str(s): b = s.encode('latin1'); return b'U' + bytes([len(b)]) + b
def binstring(b): return b'T' + struct.pack('<i', len(b)) + b
def binint(i):
    if 0 <= i < 256: return b'K' + bytes([i])
    if 0 <= i < 65536: return b'M' + struct.pack('<H', i)
    return b'J' + struct.pack('<i', i)
def glob(mod, name): return b'c' + mod.encode() + b'\n' + name.encode() + b'\n'

def ndarray(shape, code, raw):
    out = glob('numpy.core.multiarray', '_reconstruct') + glob('numpy', 'ndarray') + binint(0) + b'\x85' + short_str('b') + b'\x87R'
    out += b'(' + binint(1) + b''.join(binint(s) for s in shape) + (b'\x85' if len(shape) == 1 else b'\x86')
    out += glob('numpy', 'dtype') + short_str(code) + binint(0) + binint(1) + b'\x87R'
    out += b'(' + binint(3) + short_str('<') + b'NNN' + b'J\xff\xff\xff\xff' * 2 + binint(0) + b't' + b'b'
    out += b'\x89' + binstring(raw) + b't' + b'b'
    return out

def csr(rows, cols, indptr, indices, data):
    out = b'\x80\x02' + glob('scipy.sparse.csr', 'csr_matrix') + b')\x81}('
    out += short_str('format') + short_str('csr')
    out += short_str('_shape') + binint(rows) + binint(cols) + b'\x86'
    out += short_str('indptr') + ndarray([len(indptr)], 'i4', struct.pack('<%di' % len(indptr), *indptr))
    out += short_str('indices') + ndarray([len(indices)], 'i4', struct.pack('<%di' % len(indices), *indices))
    out += short_str('data') + ndarray([len(data)], 'f4', struct.pack('<%df' % len(data), *data))
    return out + b'ub.'

def onehot(rows, classes):
    flat = [1 if j == r else 0 for r in rows for j in range(classes)]
    return b'\x80\x02' + ndarray([len(rows), classes], 'i4', struct.pack('<%di' % len(flat), *flat)) + b'.'

def graph(adj):
    out = b'\x80\x02' + glob('collections', 'defaultdict') + glob('__builtin__', 'list') + b'\x85R('
    for k, nb in adj.items():
        out += binint(k) + b']('
        out += b''.join(binint(v) for v in nb) + b'e'
    return out + b'u.'

# allx: nodes 0..3 (3 features); tx: test nodes listed in test.index order [5, 4]
open('ind.toy.allx', 'wb').write(csr(4, 3, [0, 1, 3, 3, 4], [0, 1, 2, 0], [1.0, 1.0, 2.0, 0.5]))
open('ind.toy.x', 'wb').write(csr(2, 3, [0, 1, 3], [0, 1, 2], [1.0, 1.0, 2.0]))
open('ind.toy.tx', 'wb').write(csr(2, 3, [0, 1, 2], [2, 1], [3.0, 4.0]))
open('ind.toy.ally', 'wb').write(onehot([0, 1, 0, 1], 2))
open('ind.toy.y', 'wb').write(onehot([0, 1], 2))
open('ind.toy.ty', 'wb').write(onehot([1, 0], 2))
open('ind.toy.graph', 'wb').write(graph({0: [1, 5], 1: [0, 2], 2: [1], 3: [3], 4: [5], 5: [0, 4, 4]}))
open('ind.toy.test.index', 'w').write('5\n4\n')
