"""Reading ECB+'s original CAT XML files (`../shared/data/ecbplus/ECBplus_xml.tar.gz`), shared by
the benchmarks that map ECB+ gold mentions to character offsets (`bench/entities/score.py`,
`bench/timex/ecbplus_score.py`). Standard library only."""
import io
import tarfile
import xml.etree.ElementTree as ET


def load_tokens(data_dir, wanted):
    """Document id -> list of (t_id, sentence, text) for the documents in `wanted`."""
    out = {}
    with tarfile.open(f"{data_dir}/ECBplus_xml.tar.gz") as tar:
        for member in tar:
            name = member.name.rsplit("/", 1)[-1]
            if not member.isfile() or not name.endswith(".xml"):
                continue
            doc_id = name[: -len(".xml")]
            if doc_id not in wanted:
                continue
            root = ET.parse(io.BytesIO(tar.extractfile(member).read())).getroot()
            out[doc_id] = [
                (int(t.get("t_id")), int(t.get("sentence")), t.text or "")
                for t in root.iter("token")
            ]
    return out
