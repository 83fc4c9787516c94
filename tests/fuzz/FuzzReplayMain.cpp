// A stand-in for libFuzzer's driver, so every fuzz target also runs as an ordinary,
// deterministic test under gcc with the sanitizers: each file of the corpus folder
// given on the command line, then mutations of them (bytes flipped, cut, repeated,
// spliced) from a fixed seed.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

using Bytes = std::vector<uint8_t>;

void run(const Bytes &input)
{
    LLVMFuzzerTestOneInput(input.empty() ? nullptr : input.data(), input.size());
}

Bytes mutate(const Bytes &a, const Bytes &b, std::mt19937 &rng)
{
    Bytes out = a;
    const int steps = 1 + static_cast<int>(rng() % 8);
    for (int i = 0; i < steps; ++i) {
        const size_t pos = out.empty() ? 0 : rng() % (out.size() + 1);
        switch (rng() % 6) {
        case 0: // flip a byte
            if (!out.empty())
                out[pos % out.size()] ^= static_cast<uint8_t>(1u << (rng() % 8));
            break;
        case 1: // insert an interesting byte
        {
            static const uint8_t interesting[] = {'\r', '\n', '.', ' ', '\t', 0,   0x1b,
                                                  '=',  '?',  '"', '<', '>',  ':', 0xff};
            out.insert(out.begin() + static_cast<std::ptrdiff_t>(pos),
                       interesting[rng() % sizeof interesting]);
            break;
        }
        case 2: // cut
            out.resize(pos);
            break;
        case 3: // repeat a slice
            if (!out.empty()) {
                const size_t from = rng() % out.size();
                const size_t len = std::min<size_t>(out.size() - from, 1 + rng() % 64);
                Bytes slice(out.begin() + static_cast<std::ptrdiff_t>(from),
                            out.begin() + static_cast<std::ptrdiff_t>(from + len));
                for (int r = 0; r < 1 + static_cast<int>(rng() % 16); ++r)
                    out.insert(out.begin() + static_cast<std::ptrdiff_t>(pos), slice.begin(),
                               slice.end());
            }
            break;
        case 4: // splice in the other input
            if (!b.empty()) {
                const size_t from = rng() % b.size();
                out.insert(out.begin() + static_cast<std::ptrdiff_t>(pos),
                           b.begin() + static_cast<std::ptrdiff_t>(from), b.end());
            }
            break;
        default: // random byte
            if (!out.empty())
                out[pos % out.size()] = static_cast<uint8_t>(rng());
            break;
        }
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<Bytes> corpus;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path(argv[i]);
        std::vector<std::filesystem::path> files;
        if (std::filesystem::is_directory(path)) {
            for (const auto &entry : std::filesystem::directory_iterator(path))
                if (entry.is_regular_file())
                    files.push_back(entry.path());
        } else if (std::filesystem::exists(path)) {
            files.push_back(path);
        }
        std::sort(files.begin(), files.end());
        for (const auto &file : files) {
            std::ifstream in(file, std::ios::binary);
            corpus.emplace_back(std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>());
        }
    }
    if (corpus.empty())
        corpus.emplace_back();

    for (const Bytes &input : corpus)
        run(input);
    run({});

    std::mt19937 rng(20261128);
    const int rounds = 20000;
    for (int i = 0; i < rounds; ++i) {
        const Bytes &a = corpus[rng() % corpus.size()];
        const Bytes &b = corpus[rng() % corpus.size()];
        run(mutate(a, b, rng));
    }
    std::printf("%zu corpus inputs and %d mutations ran cleanly\n", corpus.size(), rounds);
    return 0;
}
