class MinStack {
    vector<pair<int, int>> st;
public:
    MinStack() {}
    void push(int val) { st.emplace_back(val, st.empty() ? val : min(val, st.back().second)); }
    void pop() { st.pop_back(); }
    int top() { return st.back().first; }
    int getMin() {
        printf("min %d\n", st.back().second);
        return st.back().second;
    }
};
