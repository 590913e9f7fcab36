"""kernels.dask.score_rows on a dask.distributed LocalCluster of two worker processes (127.0.0.1) gives exactly what
one process gives, and scores a memory-mapped .npy file block by block."""

import os

import numpy as np
import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import dask.array as da  # noqa: E402

import kernels  # noqa: E402
import kernels.dask  # noqa: E402

PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(kernels.__file__)))


@pytest.fixture(scope="module")
def client():
    # The worker processes import kernels: they inherit this environment.
    os.environ["PYTHONPATH"] = PACKAGE_ROOT + os.pathsep + os.environ.get("PYTHONPATH", "")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None, silence_logs=40)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def data(rows=10_000, columns=33, seed=3):
    rng = np.random.default_rng(seed)
    return rng.random((rows, columns)) + 0.01, rng.random((rows, columns)) + 0.01


def test_two_worker_processes_give_the_one_process_answers(client):
    p, q = data()
    dp, dq = da.from_array(p, chunks=(1_500, -1)), da.from_array(q, chunks=(1_500, -1))
    scores = kernels.dask.score_rows("kullback_leibler", dp, dq, base=2)
    assert scores.chunks == ((1_500,) * 6 + (1_000,),)
    got = client.compute(scores).result()
    workers = client.run(lambda: os.getpid())
    assert len(set(workers.values())) == 2 and os.getpid() not in workers.values()
    np.testing.assert_array_equal(got, kernels.kullback_leibler(p, q, base=2))
    mean = client.compute(scores.mean()).result()
    assert mean == pytest.approx(kernels.kullback_leibler(p, q, base=2, reduction="mean"), rel=1e-14)


def test_one_reference_row_and_single_input_measures(client):
    p, q = data(seed=4)
    dp = da.from_array(p.astype(np.float32), chunks=(2_000, 11))   # columns split: score_rows joins them
    row = q[0].astype(np.float32)
    got = client.compute(kernels.dask.score_rows("jensen_shannon_distance", dp, row, normalize=True)).result()
    assert got.dtype == np.float32
    np.testing.assert_array_equal(got, kernels.jensen_shannon_distance(p.astype(np.float32), row, normalize=True))
    logits = client.compute(kernels.dask.score_rows("entropy_from_logits", da.from_array(p, chunks=(3_000, -1)))).result()
    np.testing.assert_array_equal(logits, kernels.entropy_from_logits(p))


def test_a_file_bigger_than_memory_is_scored_chunk_by_chunk(client, tmp_path):
    p, _ = data(rows=20_000, columns=16, seed=5)
    path = tmp_path / "p.npy"
    np.save(path, p)
    mapped = np.load(path, mmap_mode="r")               # nothing read yet
    scores = kernels.dask.score_rows("shannon_entropy", da.from_array(mapped, chunks=(4_096, -1)))
    total = client.compute(scores.sum()).result()
    assert total == pytest.approx(kernels.shannon_entropy(p, reduction="sum"), rel=1e-13)


def test_bad_calls_are_refused_before_any_work():
    p = da.ones((10, 4), chunks=(5, 4))
    with pytest.raises(ValueError, match="unknown measure 'kl'"):
        kernels.dask.score_rows("kl", p, p)
    with pytest.raises(ValueError, match="must have 4 values"):
        kernels.dask.score_rows("kullback_leibler", p, np.ones(3))
    with pytest.raises(TypeError, match="needs q"):
        kernels.dask.score_rows("kullback_leibler", p)
