/* A tight C reference for benchmarks/gomoku_playouts.py: uniform-random Gomoku playouts (free-style).
 *
 *   c_playout SIZE TO_MOVE BOARD N
 *
 * BOARD is SIZE*SIZE characters '0' (empty), '1' (black), '2' (white), row by row; TO_MOVE is 1 or 2. Plays
 * N playouts from that position and prints the CPU seconds they took and the number of black wins (so that
 * the work cannot be optimised away). Each playout: pick an empty point uniformly (xorshift64*, swap-remove
 * from the list of empty points), place the stone, and check for five or more through it only, on a board
 * with a one-cell border of sentinels.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAXW 21 /* 19 + two border cells */
#define OFF 3

static uint64_t rng_state;

static inline uint64_t next_random(void) {
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

static inline int below(uint32_t n) { /* uniform in [0, n) by multiply-shift */
    return (int)(((next_random() >> 32) * (uint64_t)n) >> 32);
}

static inline int run_length(const signed char *b, int p, int player, int d) {
    int n = 1, q;
    for (q = p + d; b[q] == player; q += d) n++;
    for (q = p - d; b[q] == player; q -= d) n++;
    return n;
}

static inline int makes_five(const signed char *b, int p, int player, int w) {
    return run_length(b, p, player, 1) >= 5 || run_length(b, p, player, w) >= 5 ||
           run_length(b, p, player, w + 1) >= 5 || run_length(b, p, player, w - 1) >= 5;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s SIZE TO_MOVE BOARD N\n", argv[0]);
        return 2;
    }
    int s = atoi(argv[1]), to_move = atoi(argv[2]);
    const char *cells = argv[3];
    long n = atol(argv[4]);
    if (s < 5 || s > 19 || (to_move != 1 && to_move != 2) || (int)strlen(cells) != s * s || n < 1) {
        fprintf(stderr, "bad arguments\n");
        return 2;
    }
    int w = s + 1; /* row stride: one sentinel column shared between rows */
    int len = (s + 2) * w + 1;
    signed char root[MAXW * MAXW + 1], b[MAXW * MAXW + 1];
    int empty0[MAXW * MAXW], empty[MAXW * MAXW], n0 = 0;
    memset(root, OFF, sizeof root);
    memset(b, OFF, sizeof b);
    for (int r = 0; r < s; r++)
        for (int c = 0; c < s; c++) {
            int p = (r + 1) * w + c + 1;
            root[p] = (signed char)(cells[r * s + c] - '0');
            if (root[p] == 0) empty0[n0++] = p;
        }
    rng_state = 0x9E3779B97F4A7C15ULL;
    long black_wins = 0;
    clock_t t0 = clock();
    for (long i = 0; i < n; i++) {
        memcpy(b, root, (size_t)len);
        memcpy(empty, empty0, sizeof(int) * (size_t)n0);
        int m = n0, player = to_move, winner = 0;
        while (m > 0) {
            int k = below((uint32_t)m);
            int p = empty[k];
            empty[k] = empty[--m];
            b[p] = (signed char)player;
            if (makes_five(b, p, player, w)) {
                winner = player;
                break;
            }
            player = 3 - player;
        }
        black_wins += winner == 1;
    }
    double seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    printf("%.6f %ld\n", seconds, black_wins);
    return 0;
}
