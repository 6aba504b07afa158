class Solution {
public:
    int numIslands(vector<vector<char>>& grid) {
        int m = grid.size(), n = grid[0].size(), count = 0;
        vector<pair<int, int>> stack;
        const int dr[4] = {1, -1, 0, 0}, dc[4] = {0, 0, 1, -1};
        for (int i = 0; i < m; ++i) {
            for (int j = 0; j < n; ++j) {
                if (grid[i][j] != '1') continue;
                ++count;
                grid[i][j] = '0';
                stack.push_back({i, j});
                while (!stack.empty()) {
                    auto [r, c] = stack.back();
                    stack.pop_back();
                    for (int d = 0; d < 4; ++d) {
                        int rr = r + dr[d], cc = c + dc[d];
                        if (rr >= 0 && rr < m && cc >= 0 && cc < n && grid[rr][cc] == '1') {
                            grid[rr][cc] = '0';
                            stack.push_back({rr, cc});
                        }
                    }
                }
            }
        }
        return count;
    }
};
